// Entrance: the page tokens ("after") of the store's listings.
#include <unistd.h>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace inburgering;
  static fuzz::StoreWithOne db("page");
  const storage::PageRequest page{.after = std::string(fuzz::as_text(data, size)), .limit = 10};
  try {
    db.store->list(fuzz::caseworker(), {}, page);
  } catch (const Error&) {
  }
  try {
    db.store->worklist(fuzz::caseworker(), parse_date("2030-01-01"), {}, page);
  } catch (const Error&) {
  }
  try {
    db.store->terms_ending(fuzz::caseworker(), parse_date("2025-03-01"), 120, {}, page);
  } catch (const Error&) {
  }
  return 0;
}
