#pragma once
/// @file actor.hpp
/// Who is acting: every store call carries an `Actor`. A record belongs to one municipality
/// (Wi 1.1: the college of the housing municipality); other municipalities see it only under an
/// explicit regional arrangement ("lokaal wat kan, regionaal wat moet"). Health information is
/// special-category data (AVG art. 9; Wi 37; Bi 9.11): only roles that need it may read it.

#include <string>
#include <string_view>
#include <vector>

#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/municipality.hpp"

namespace inburgering::storage {

/// What a user does for the municipality.
enum class Role {
  /// Klantmanager: conducts the intake and guidance; reads and writes, including health.
  kCaseworker,
  /// Back office: administration and payments; reads and writes, no health information.
  kBackOffice,
  /// Regional trajectory coordinator (trajectregie): reads only, no health information.
  kRegionalCoordinator,
  /// Auditor or controller: reads records and the audit trail, no health information.
  kAuditor,
  /// Privacy officer (functionaris/privacy team): retention purges and erasure requests.
  kPrivacyOfficer,
};

INBURGERING_ENUM_TEXT(Role);

/// What a role may do, whatever the municipality.
INBURGERING_EXPORT bool role_may_write(Role role) noexcept;
INBURGERING_EXPORT bool role_may_read_health(Role role) noexcept;
INBURGERING_EXPORT bool role_may_erase(Role role) noexcept;
/// Whether the role may check the audit trail's hash chain (`verify_audit`).
INBURGERING_EXPORT bool role_may_verify_audit(Role role) noexcept;

/// A regional arrangement (regionale samenwerking) by which `grantor` lets users of another
/// municipality work on its records.
struct INBURGERING_EXPORT RegionalGrant {
  /// The municipality whose records become visible.
  MunicipalityCode grantor;
  /// The arrangement's name, recorded in the audit trail (e.g. "Regio Utrecht trajectregie").
  std::string arrangement;
  /// Whether the grantee may change records, not only read them.
  bool allows_write = false;
  /// Whether health information is shared too (still only for roles that may read it).
  bool allows_health = false;
};

/// The user on whose behalf a store call runs. Every store call checks it first: `user` a
/// non-empty identifier, `role` one of `Role`, grant arrangements plain text
/// (`ValidationError` naming the field otherwise), so nothing unreadable reaches the trail.
struct INBURGERING_EXPORT Actor {
  UserId user;
  Role role = Role::kCaseworker;
  /// The municipality the user works for.
  MunicipalityCode municipality;
  std::vector<RegionalGrant> grants;

  /// Whether the actor may read records of `owner`.
  bool may_read(MunicipalityCode owner) const;
  /// Whether the actor may change records of `owner`.
  bool may_write(MunicipalityCode owner) const;
  /// Whether the actor may read the health information of records of `owner`.
  bool may_read_health(MunicipalityCode owner) const;
  /// Every municipality whose records the actor may read (its own first).
  std::vector<MunicipalityCode> readable_municipalities() const;
};

}  // namespace inburgering::storage
