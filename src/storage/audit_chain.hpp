#pragma once
// Private: the hash chain that makes the audit trail tamper-evident. Each entry stores
// SHA-256 (libsodium) over the previous entry's hash and its own content, so an entry that is
// changed, removed or slipped in breaks the chain at that point (`verify_audit`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace inburgering::storage::detail {

/// The stored columns of one audit entry that the chain covers (all of them but `sequence`
/// and the hash itself: the position in the chain is the order of the links).
struct AuditContent {
  std::string at;
  std::string user_id;
  std::string role;
  std::string actor_municipality;
  std::optional<std::string> on_behalf_of;
  std::string arrangement;
  std::string action;
  std::optional<std::int64_t> trajectory_id;
  std::string changes;
  std::string note;
};

/// The columns of `audit_log` the hash chain covers, in the order of `AuditContent`.
inline constexpr const char* kAuditChainColumns =
    "at, user_id, role, actor_municipality, on_behalf_of, arrangement, action, trajectory_id, "
    "changes, note";

/// The hash of an entry with `content` that follows the entry with hash `previous` ("" for the
/// first entry): lowercase hex of SHA-256 over `previous` and every field, each field written as
/// its length, a colon and its bytes (absent: "-"), so no two contents share an input.
std::string audit_hash(const std::string& previous, const AuditContent& content);

/// SHA-256 of `bytes` (libsodium) as 64 lowercase hex digits: the audit chain's links and the
/// transfer dossier's digest.
std::string sha256_hex(std::string_view bytes);

}  // namespace inburgering::storage::detail
