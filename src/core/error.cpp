#include "inburgering/error.hpp"

#include <utility>

namespace inburgering {

Error::Error(const std::string& message) : std::runtime_error(message) {}

ValidationError::ValidationError(std::string field, std::string rule, std::string value)
    : Error("invalid " + field + ": " + rule + " (got " + value + ")"),
      field_(std::move(field)),
      rule_(std::move(rule)),
      value_(std::move(value)) {}

RuleViolation::RuleViolation(std::string rule, const std::string& message)
    : Error(message + " [" + rule + "]"), rule_(std::move(rule)) {}

NotFound::NotFound(std::string what, std::string id)
    : Error(what + " " + id + " not found"), what_(std::move(what)), id_(std::move(id)) {}

StorageError::StorageError(const std::string& message) : Error(message) {}
ConflictError::ConflictError(const std::string& message) : Error(message) {}
AccessDenied::AccessDenied(const std::string& message) : Error(message) {}

}  // namespace inburgering
