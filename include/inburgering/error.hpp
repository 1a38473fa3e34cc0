#pragma once
/// @file error.hpp
/// The library's single exception hierarchy. Every error the library throws derives from
/// `Error`; no third-party exception (Boost, SQLite) crosses the public API.
///
/// Messages never contain personal data: they name the record and the field, never the value
/// of a BSN, a name or health information. Callers that construct a `ValidationError` for a
/// personal field must pass a description of the value (e.g. "8 characters"), not the value.

#include <stdexcept>
#include <string>

namespace inburgering {

/// Root of all errors thrown by the library.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message);
};

/// Input that breaks a rule about its own form or range: which field, which rule, which value.
/// Thrown before anything is changed, so the object or store is left as it was.
class ValidationError : public Error {
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
/// Thrown before anything is changed.
class RuleViolation : public Error {
 public:
  RuleViolation(std::string rule, const std::string& message);

  const std::string& rule() const noexcept { return rule_; }

 private:
  std::string rule_;
};

/// A record that was asked for by id does not exist (or is not visible to the caller).
class NotFound : public Error {
 public:
  /// @param what the kind of record, e.g. "trajectory".
  /// @param id its identifier as text (never a BSN).
  NotFound(std::string what, std::string id);

  const std::string& what_kind() const noexcept { return what_; }
  const std::string& id() const noexcept { return id_; }

 private:
  std::string what_;
  std::string id_;
};

/// The store failed: the database could not be opened, read or written, is not a database, or
/// was written by a newer version. Wraps the backend's own exception (never exposed). Nothing
/// was committed when it is thrown from a mutating call.
class StorageError : public Error {
 public:
  explicit StorageError(const std::string& message);
};

/// Optimistic concurrency: the record was changed by someone else since it was loaded (its
/// stored revision differs), or a record with the same id already exists. Nothing was written;
/// load the record again and redo the change.
class ConflictError : public Error {
 public:
  explicit ConflictError(const std::string& message);
};

/// The actor may not do this: another municipality's record without a regional grant, a role
/// without the right, or special-category data the role may not see. The denial is audited.
class AccessDenied : public Error {
 public:
  explicit AccessDenied(const std::string& message);
};

}  // namespace inburgering
