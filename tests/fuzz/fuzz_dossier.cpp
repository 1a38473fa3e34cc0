// Entrance: a transfer dossier from another municipality (transfer::read_dossier, which
// import_transfer calls first). Input: '\x01' and the archive's XML, wrapped here in an envelope
// with the fitting length and SHA-256 so that the fuzzer reaches the XML reader; or any other
// first byte and the whole text as received (envelope checks). An accepted dossier is written
// again and must read back to the same record.
#include <sodium.h>

#include <cstdlib>

#include "fuzz_support.hpp"

namespace {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace inburgering;
  static const int initialised = sodium_init();
  (void)initialised;
  if (size == 0) return 0;
  const std::string_view body = fuzz::as_text(data + 1, size - 1);
  std::string text;
  if (data[0] == 1) {
    text =
        "INBURGERING-DOSSIER 1\nid: 07070707070707070707070707070707\nfrom: 0344\nto: 0307\n"
        "length: " +
        std::to_string(body.size()) + "\nsha256: " + sha256_hex(body) + "\nsignature: none\n\n" +
        std::string(body);
  } else {
    text = std::string(body);
  }
  try {
    const transfer::ImportOptions unsigned_ok{.require_signature = false};
    const transfer::ReadDossier read = transfer::read_dossier(text, unsigned_ok);
    const std::string again = transfer::write_dossier(read.source, read.info.id);
    const transfer::ReadDossier reread = transfer::read_dossier(again, unsigned_ok);
    if (!(reread.source.record() == read.source.record())) std::abort();
  } catch (const Error&) {
  }
  return 0;
}
