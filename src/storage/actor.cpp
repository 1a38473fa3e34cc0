#include "inburgering/storage/actor.hpp"

#include <algorithm>

#include "inburgering/storage/audit_log.hpp"

namespace inburgering::storage {

std::string_view to_string(Role role) noexcept {
  switch (role) {
    case Role::kCaseworker:
      return "caseworker";
    case Role::kBackOffice:
      return "back_office";
    case Role::kRegionalCoordinator:
      return "regional_coordinator";
    case Role::kAuditor:
      return "auditor";
    case Role::kPrivacyOfficer:
      return "privacy_officer";
  }
  return "unknown";
}

std::string_view to_string(AuditAction action) noexcept {
  switch (action) {
    case AuditAction::kCreate:
      return "create";
    case AuditAction::kUpdate:
      return "update";
    case AuditAction::kReadSpecial:
      return "read_special";
    case AuditAction::kDenied:
      return "denied";
    case AuditAction::kPurge:
      return "purge";
    case AuditAction::kErase:
      return "erase";
  }
  return "unknown";
}

bool role_may_write(Role role) noexcept {
  return role == Role::kCaseworker || role == Role::kBackOffice;
}

bool role_may_read_health(Role role) noexcept { return role == Role::kCaseworker; }

bool role_may_erase(Role role) noexcept { return role == Role::kPrivacyOfficer; }

namespace {
const RegionalGrant* grant_for(const Actor& actor, MunicipalityCode owner) {
  const auto it = std::find_if(actor.grants.begin(), actor.grants.end(),
                               [owner](const RegionalGrant& g) { return g.grantor == owner; });
  return it == actor.grants.end() ? nullptr : &*it;
}
}  // namespace

bool Actor::may_read(MunicipalityCode owner) const {
  return owner == municipality || grant_for(*this, owner) != nullptr;
}

bool Actor::may_write(MunicipalityCode owner) const {
  if (!role_may_write(role)) return false;
  if (owner == municipality) return true;
  const RegionalGrant* grant = grant_for(*this, owner);
  return grant != nullptr && grant->allows_write;
}

bool Actor::may_read_health(MunicipalityCode owner) const {
  if (!role_may_read_health(role)) return false;
  if (owner == municipality) return true;
  const RegionalGrant* grant = grant_for(*this, owner);
  return grant != nullptr && grant->allows_health;
}

std::vector<MunicipalityCode> Actor::readable_municipalities() const {
  std::vector<MunicipalityCode> out{municipality};
  for (const auto& grant : grants) {
    if (std::find(out.begin(), out.end(), grant.grantor) == out.end()) out.push_back(grant.grantor);
  }
  return out;
}

}  // namespace inburgering::storage
