// inburgering: the caseworker programme (see cli.hpp and the README, "The caseworker programme").

#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return inburgering::cli::run(args, std::cout, std::cerr);
}
