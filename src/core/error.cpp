#include "inburgering/error.hpp"

#include <utility>

#include "detail/enum_table.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(
    ErrorCode, {ErrorCode::kInvalidInput, "invalid_input", "ongeldige invoer"},
    {ErrorCode::kRuleViolation, "rule_violation", "niet toegestaan volgens de regels"},
    {ErrorCode::kNotFound, "not_found", "niet gevonden"},
    {ErrorCode::kPurged, "purged", "persoonsgegevens verwijderd"},
    {ErrorCode::kIdExists, "id_exists", "nummer bestaat al"},
    {ErrorCode::kAlreadyStored, "already_stored", "al opgeslagen"},
    {ErrorCode::kStaleRevision, "stale_revision", "intussen door een ander gewijzigd"},
    {ErrorCode::kAccessDenied, "access_denied", "geen toegang"},
    {ErrorCode::kStorageFailure, "storage_failure", "opslagfout"},
    {ErrorCode::kStorageBusy, "storage_busy", "database bezet"},
    {ErrorCode::kCorruptData, "corrupt_data", "opgeslagen gegevens beschadigd"},
    {ErrorCode::kIncompatibleDatabase, "incompatible_database",
     "geen (passende) inburgeringsdatabase"},
    {ErrorCode::kReadOnlyStore, "read_only_store", "database alleen-lezen geopend"},
    {ErrorCode::kDossierRefused, "dossier_refused", "overdrachtsdossier geweigerd"});

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message), code_(code) {}

ValidationError::ValidationError(std::string field, std::string rule, std::string value)
    : Error(ErrorCode::kInvalidInput, "invalid " + field + ": " + rule + " (got " + value + ")"),
      field_(std::move(field)),
      rule_(std::move(rule)),
      value_(std::move(value)) {}

RuleViolation::RuleViolation(std::string rule, const std::string& message)
    : Error(ErrorCode::kRuleViolation, message + " [" + rule + "]"), rule_(std::move(rule)) {}

NotFound::NotFound(std::string what, std::string id, ErrorCode code)
    : Error(code, what + " " + id + " not found"), what_(std::move(what)), id_(std::move(id)) {}

StorageError::StorageError(const std::string& message, ErrorCode code) : Error(code, message) {}
ConflictError::ConflictError(ErrorCode code, const std::string& message) : Error(code, message) {}
AccessDenied::AccessDenied(const std::string& message) : Error(ErrorCode::kAccessDenied, message) {}

}  // namespace inburgering
