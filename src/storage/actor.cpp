#include "inburgering/storage/actor.hpp"

#include <algorithm>

#include "detail/enum_table.hpp"

namespace inburgering::storage {

INBURGERING_DEFINE_ENUM_TEXT(Role, {Role::kCaseworker, "caseworker", "klantmanager"},
                             {Role::kBackOffice, "back_office", "backoffice"},
                             {Role::kRegionalCoordinator, "regional_coordinator",
                              "regionaal trajectregisseur"},
                             {Role::kAuditor, "auditor", "controller"},
                             {Role::kPrivacyOfficer, "privacy_officer", "privacyfunctionaris"});

bool role_may_write(Role role) noexcept {
  return role == Role::kCaseworker || role == Role::kBackOffice;
}

bool role_may_read_health(Role role) noexcept { return role == Role::kCaseworker; }

bool role_may_erase(Role role) noexcept { return role == Role::kPrivacyOfficer; }

bool role_may_verify_audit(Role role) noexcept {
  return role == Role::kAuditor || role == Role::kPrivacyOfficer;
}

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
