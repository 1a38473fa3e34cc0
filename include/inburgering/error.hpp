#pragma once
/// @file error.hpp
/// The library's single exception hierarchy. Every error the library throws derives from
/// `Error`; no third-party exception (Boost, SQLite, JSON) crosses the public API.
///
/// Every error carries a stable `ErrorCode` (`code()`), so a back office maps it to its own
/// screen text without reading the message. The message is English prose for logs and
/// developers; it never contains personal data: it names the record and the field, never the
/// value of a BSN, a name, free text or health information. Callers that construct a
/// `ValidationError` for a personal field must pass a description of the value (e.g.
/// "8 characters"), not the value.

#include <stdexcept>
#include <string>

#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"

namespace inburgering {

/// What went wrong, as a stable code. Codes are never renumbered or renamed; new ones are added.
enum class ErrorCode {
  /// `ValidationError`: input breaks a rule about its own form or range.
  kInvalidInput,
  /// `RuleViolation`: the law or the trajectory's state does not allow the act.
  kRuleViolation,
  /// `NotFound`: no record with that id (or not visible to the caller).
  kNotFound,
  /// `NotFound` on load, `ConflictError` on save: the personal data was purged (Bi 9.9) or
  /// erased on request; only minimal facts remain.
  kPurged,
  /// `ConflictError`: `create` with an id that is already stored.
  kIdExists,
  /// `ConflictError`: `create` of a trajectory that already carries a revision (use `save`).
  kAlreadyStored,
  /// `ConflictError`: someone else saved the record since it was loaded. Load it again.
  kStaleRevision,
  /// `AccessDenied`: the actor may not do this. The refusal is in the audit trail.
  kAccessDenied,
  /// `StorageError`: the database could not be read or written (I/O, full disk, SQL error).
  kStorageFailure,
  /// `StorageError`: the database stayed locked by other connections after every retry.
  kStorageBusy,
  /// `StorageError`: a stored record or audit entry is damaged and cannot be read. The message
  /// names the record and the field, never the stored value.
  kCorruptData,
  /// `StorageError`: the file is not an inburgering database, belongs to another application,
  /// or was written by a newer version of the library. It was left untouched.
  kIncompatibleDatabase,
  /// `StorageError`: a write (or a read that must be audited) on a store opened read-only
  /// (`SqliteOptions::read_only`).
  kReadOnlyStore,
  /// `transfer::DossierError`: a transfer dossier was refused on import (see its `problem()`).
  kDossierRefused,
};
INBURGERING_ENUM_TEXT(ErrorCode);

/// Root of all errors thrown by the library.
class INBURGERING_EXPORT Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message);
  /// The stable code; see `ErrorCode`.
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

/// Input that breaks a rule about its own form or range: which field, which rule, which value.
/// Thrown before anything is changed, so the object or store is left as it was.
/// Code `kInvalidInput`.
class INBURGERING_EXPORT ValidationError : public Error {
 public:
  /// @param field the field, e.g. "participant.bsn" or "plan.route_intensity_hours_per_week".
  /// @param rule the rule it breaks, with the article where the law sets it,
  ///        e.g. "eleven-test (Wet BRP)" or "must be at least 1 (Wi 17.1)".
  /// @param value a printable description of the offending value, free of personal data.
  ValidationError(std::string field, std::string rule, std::string value);

  const std::string& field() const noexcept { return field_; }
  const std::string& rule() const noexcept { return rule_; }
  const std::string& value() const noexcept { return value_; }

 private:
  std::string field_;
  std::string rule_;
  std::string value_;
};

/// A well-formed request that the law or the trajectory's current state does not allow, e.g.
/// issuing a PIP before the broad intake is completed. `rule()` names the rule and its article.
/// Thrown before anything is changed. Code `kRuleViolation`.
class INBURGERING_EXPORT RuleViolation : public Error {
 public:
  RuleViolation(std::string rule, const std::string& message);

  const std::string& rule() const noexcept { return rule_; }

 private:
  std::string rule_;
};

/// A record that was asked for by id does not exist (or is not visible to the caller).
/// Code `kNotFound`, or `kPurged` when only the minimal facts of a purged record remain.
class INBURGERING_EXPORT NotFound : public Error {
 public:
  /// @param what the kind of record, e.g. "trajectory".
  /// @param id its identifier as text (never a BSN).
  NotFound(std::string what, std::string id, ErrorCode code = ErrorCode::kNotFound);

  const std::string& what_kind() const noexcept { return what_; }
  const std::string& id() const noexcept { return id_; }

 private:
  std::string what_;
  std::string id_;
};

/// The store failed: the database could not be opened, read or written (`kStorageFailure`,
/// `kStorageBusy`), holds a damaged record (`kCorruptData`), or is not a database of this
/// library's version (`kIncompatibleDatabase`). Wraps the backend's own exception (never
/// exposed). Nothing was committed when it is thrown from a mutating call.
class INBURGERING_EXPORT StorageError : public Error {
 public:
  explicit StorageError(const std::string& message, ErrorCode code = ErrorCode::kStorageFailure);
};

/// Optimistic concurrency and identity: the record was changed by someone else since it was
/// loaded (`kStaleRevision`), a record with the same id already exists (`kIdExists`), the
/// trajectory was stored already (`kAlreadyStored`), or its personal data was purged
/// (`kPurged`). Nothing was written.
class INBURGERING_EXPORT ConflictError : public Error {
 public:
  ConflictError(ErrorCode code, const std::string& message);
};

/// The actor may not do this: another municipality's record without a regional grant, a role
/// without the right, or special-category data the role may not see. The denial is audited.
/// Code `kAccessDenied`.
class INBURGERING_EXPORT AccessDenied : public Error {
 public:
  explicit AccessDenied(const std::string& message);
};

}  // namespace inburgering
