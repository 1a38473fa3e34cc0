// Uses the public API only, through the umbrella header, and checks one rule end to end.
#include <inburgering/inburgering.hpp>

#include <iostream>

int main() {
  using namespace inburgering;
  const IntegrationTerm term = IntegrationTerm::starting_after(parse_date("2024-02-28"), Policy{});
  const Date end = term.end_date(parse_date("2024-03-01"), {});
  if (to_iso(end) != "2027-02-28") {
    std::cerr << "unexpected term end " << to_iso(end) << "\n";
    return 1;
  }
  std::cout << "inburgering " << kVersion << " consumed; term ends " << to_iso(end) << "\n";
  return 0;
}
