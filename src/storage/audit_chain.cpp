#include "storage/audit_chain.hpp"

#include <sodium.h>

#include <array>

#include "inburgering/error.hpp"

namespace inburgering::storage::detail {
namespace {

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

void field(std::string& out, const std::optional<std::string>& value) {
  if (value) {
    field(out, *value);
  } else {
    out += '-';
  }
}

}  // namespace

std::string audit_hash(const std::string& previous, const AuditContent& content) {
  std::string input;
  input.reserve(previous.size() + content.changes.size() + content.note.size() + 128);
  field(input, previous);
  field(input, content.at);
  field(input, content.user_id);
  field(input, content.role);
  field(input, content.actor_municipality);
  field(input, content.on_behalf_of);
  field(input, content.arrangement);
  field(input, content.action);
  field(input, content.trajectory_id ? std::optional(std::to_string(*content.trajectory_id))
                                     : std::nullopt);
  field(input, content.changes);
  field(input, content.note);
  return sha256_hex(input);
}

std::string sha256_hex(std::string_view bytes) {
  // libsodium asks for sodium_init() before any other call; it is thread-safe and idempotent.
  static const int initialised = sodium_init();
  if (initialised < 0) throw StorageError("libsodium could not be initialised");
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

}  // namespace inburgering::storage::detail
