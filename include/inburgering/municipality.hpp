#pragma once
/// @file municipality.hpp
/// The municipality (gemeente) a record belongs to, by its CBS municipality code
/// (gemeentecode). Under the Wi 1.1 the college of the housing municipality is responsible.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "inburgering/export.hpp"

namespace inburgering {

/// A CBS municipality code: four digits "0001"–"9999" (e.g. "0363" Amsterdam), also accepted
/// with the CBS prefix "GM" ("GM0363").
class INBURGERING_EXPORT MunicipalityCode {
 public:
  /// @throws ValidationError (field "municipality") unless the text is four digits, not "0000",
  ///         optionally after "GM".
  explicit MunicipalityCode(std::string_view code);

  /// The four digits, e.g. "0363".
  std::string to_string() const;
  std::uint16_t number() const noexcept { return number_; }

  friend auto operator<=>(MunicipalityCode, MunicipalityCode) = default;
  friend bool operator==(MunicipalityCode, MunicipalityCode) = default;

 private:
  std::uint16_t number_ = 0;
};

}  // namespace inburgering
