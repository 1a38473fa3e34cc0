#pragma once
/// @file evaluation_export.hpp
/// Data for an outside evaluation without direct identifiers (Wi 39; the pilot programme's
/// research bureaus followed participants with data the municipality supplied; AVG art. 89:
/// research with pseudonymisation). One CSV row per trajectory:
///  - the BSN is replaced by a **pseudonym**: HMAC-SHA256 of the BSN under a secret key the
///    municipality keeps (`PseudonymKey`). The same person gets the same pseudonym in every export
///    made with one key, so a bureau can link its deliveries; without the key the BSN cannot be
///    recovered or checked. Another key gives unlinkable pseudonyms;
///  - the birth year instead of the birth date; no name, address, free text (notes, goals,
///    providers, payees, reasons) or health information (nor what points to it: no
///    learnability result, no dispensation ground); no dates, only years and whole weeks since
///    DUO's notice;
///  - every column is documented in `evaluation_columns()` (the data dictionary).
///
/// Pseudonymised data are still personal data (AVG recital 26): the export goes to a bureau
/// under a processing agreement, and the key never goes with it.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/bsn.hpp"
#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/municipality.hpp"

namespace inburgering {
class Trajectory;
}

namespace inburgering::monitoring {

/// The secret key of the pseudonyms: 32 random bytes (libsodium's HMAC-SHA256 key size), kept
/// by the municipality apart from every export. Wiped from memory when destroyed.
class INBURGERING_EXPORT PseudonymKey {
 public:
  /// A new random key.
  static PseudonymKey generate();
  /// The key written as 64 hexadecimal characters. @throws ValidationError otherwise, or for an
  /// all-zero key (the value is not repeated).
  static PseudonymKey from_hex(std::string_view hex);
  PseudonymKey(const PseudonymKey&) = default;
  PseudonymKey& operator=(const PseudonymKey&) = default;
  ~PseudonymKey();

  std::string to_hex() const;
  /// The pseudonym of `bsn`: HMAC-SHA256 over its nine digits, lowercase hex (64 characters).
  std::string pseudonym(const Bsn& bsn) const;
  /// A short name of the key for the audit trail and the export's header: the first 16 hex
  /// characters of SHA-256 over the key (it reveals nothing of the key).
  std::string fingerprint() const;

 private:
  PseudonymKey() = default;
  std::array<unsigned char, 32> key_{};
};

/// One column of the export.
struct INBURGERING_EXPORT EvaluationColumn {
  std::string name;
  /// "text", "integer" (empty: not applicable or not known), or "boolean" (0/1).
  std::string type;
  std::string description;
};

/// The columns, in their order in the CSV: the data dictionary.
INBURGERING_EXPORT const std::vector<EvaluationColumn>& evaluation_columns();

/// The data dictionary as a Markdown table.
INBURGERING_EXPORT std::string evaluation_dictionary();

/// The CSV header line (with its newline).
INBURGERING_EXPORT std::string evaluation_header();

/// The CSV line (with its newline) of `trajectory`, with counts that depend on the day as of
/// `as_of`. No field is free text, so no field needs quoting.
INBURGERING_EXPORT std::string evaluation_row(const Trajectory& trajectory, const PseudonymKey& key,
                                              Date as_of);

/// Which trajectories an export covers (`storage::TrajectoryStore::evaluation_export`).
struct INBURGERING_EXPORT EvaluationSelection {
  /// The day the export describes.
  Date as_of;
  /// One cohort (the year of DUO's notice), or all.
  std::optional<int> cohort;
};

}  // namespace inburgering::monitoring
