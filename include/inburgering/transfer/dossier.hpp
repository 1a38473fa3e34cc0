#pragma once
/// @file dossier.hpp
/// The transfer dossier (overdracht van het dossier, Wi 35.4): what the college of the former
/// municipality hands to the college of the new one when a person with an integration obligation
/// moves, as one file that another store, of another vendor, can import.
///
/// **Format.** A short text envelope, then a Boost.Serialization XML archive (readable by a
/// person; every class carries its version), written from the same field lists as the stored
/// record (src/<module>/fields.hpp), so there is no second list of fields:
/// ```text
/// INBURGERING-DOSSIER 1
/// id: 5f0c…            (32 hex digits, random)
/// from: 0307
/// to: 0344
/// length: 18234        (bytes of the XML below)
/// sha256: 9a1e…        (of the XML bytes)
/// signature: ed25519 <128 hex digits>   or   signature: none
/// signer: <64 hex digits: the public key>   (only when signed)
///
/// <?xml version="1.0" encoding="UTF-8" standalone="yes" ?> …
/// ```
/// **Integrity and origin.** The SHA-256 digest (libsodium) detects truncation and corruption.
/// When the sending college has a signing key, the digest is signed with Ed25519 (libsodium,
/// `crypto_sign_detached`); the receiver verifies it against the public key it holds for the
/// sending municipality (`ImportOptions::trusted_senders`), exchanged out of band (e.g. in the
/// regional cooperation's key list). A signature proves origin only against such a key: by
/// default (`require_signature`) a dossier not signed by the key held for its sender is
/// refused. The content must be exactly what this library writes (element names, order and
/// attributes), and hold nothing that stays with the former college.
///
/// **Confidentiality.** The dossier is plain text with personal data (BSN, names, the
/// dispensation's ground): send it only over a channel that keeps it confidential (the
/// municipalities' secure exchange, or an encrypted file), and delete it once imported.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "inburgering/calendar.hpp"
#include "inburgering/error.hpp"
#include "inburgering/export.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/policy.hpp"
#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::transfer {

/// The version of the dossier format this library writes and the newest it reads.
inline constexpr int kDossierVersion = 1;
/// A dossier larger than this is refused before it is read (a trajectory's is some 25 KiB).
inline constexpr std::size_t kMaxDossierBytes = 16 * 1024 * 1024;

/// An Ed25519 public key (32 bytes), written as 64 lowercase hex digits.
class INBURGERING_EXPORT PublicKey {
 public:
  /// @throws ValidationError for anything but 64 hex digits.
  static PublicKey from_hex(std::string_view hex);
  std::string to_hex() const;
  const std::array<unsigned char, 32>& bytes() const noexcept { return bytes_; }
  friend bool operator==(const PublicKey&, const PublicKey&) = default;

 private:
  std::array<unsigned char, 32> bytes_{};
  friend class SigningKey;
};

/// A college's Ed25519 signing key. Keep the seed secret (a key store, not the database); the
/// memory is wiped when the object goes.
class INBURGERING_EXPORT SigningKey {
 public:
  /// A new random key.
  static SigningKey generate();
  /// The key of a 32-byte seed written as 64 hex digits (how a key is kept).
  /// @throws ValidationError for anything but 64 hex digits.
  static SigningKey from_seed_hex(std::string_view hex);
  SigningKey(const SigningKey&);
  SigningKey& operator=(const SigningKey&);
  ~SigningKey();
  PublicKey public_key() const;
  std::string seed_hex() const;
  /// The detached signature of `message` (64 bytes).
  std::array<unsigned char, 64> sign(std::string_view message) const;

 private:
  SigningKey() = default;
  std::array<unsigned char, 64> secret_{};
};

/// Why a dossier was refused (`DossierError::problem`).
enum class DossierProblem {
  kNotADossier,      ///< No dossier envelope, or a damaged one.
  kFutureVersion,    ///< Written by a newer format than `kDossierVersion`.
  kTruncated,        ///< Fewer or more bytes than the envelope's `length`.
  kCorrupted,        ///< The content's SHA-256 differs from the envelope's.
  kUnsigned,         ///< No signature where one is required.
  kBadSignature,     ///< The signature does not verify (tampered, or another key).
  kUntrustedSigner,  ///< Signed by another key than the one held for the sender.
  kWrongRecipient,   ///< Meant for another municipality than the importing one.
  kAlreadyImported,  ///< This dossier was imported before.
  kInvalidContent,   ///< The content breaks the archive's form or a rule of the model.
};

INBURGERING_ENUM_TEXT(DossierProblem);

/// A dossier refused on import. Nothing was stored. Code `ErrorCode::kDossierRefused`. The
/// message names the problem and, for content, the field; never a personal value.
class INBURGERING_EXPORT DossierError : public Error {
 public:
  DossierError(DossierProblem problem, const std::string& message);
  DossierProblem problem() const noexcept { return problem_; }

 private:
  DossierProblem problem_;
};

/// What the envelope and content say about a dossier.
struct INBURGERING_EXPORT DossierInfo {
  std::string id;
  MunicipalityCode from;
  MunicipalityCode to;
  Date moved_on;
  /// The trajectory's id in the sending store.
  TrajectoryId source_id;
  /// The key that signed it; empty when unsigned.
  std::optional<PublicKey> signer;
  /// Whether the signer is the key held for the sender (`ImportOptions::trusted_senders`).
  bool signer_trusted = false;
};

/// How a receiving college checks dossiers.
struct INBURGERING_EXPORT ImportOptions {
  /// The public key of each sending municipality whose dossiers must be signed by it.
  std::map<MunicipalityCode, PublicKey> trusted_senders;
  /// Refuse any dossier not signed by a key in `trusted_senders` (the default: without it, an
  /// unsigned dossier naming any other municipality would be accepted). Set it to false only
  /// where the transport itself proves the origin.
  bool require_signature = true;
};

/// What travels on a move (Wi 35.4), as `write_dossier` puts it in the dossier: the record of a
/// trajectory transferred out, without what stays with the former college (see the README,
/// "What travels on a move"). The result loads with `Trajectory::from_record`.
INBURGERING_EXPORT TrajectoryRecord travelling_record(const TrajectoryRecord& transferred_out);

/// Writes the dossier of `source`, transferred out (`Trajectory::transfer_out`), under `id`
/// (`new_dossier_id()`), signed with `key` when given.
/// @throws RuleViolation unless `source` is transferred out; ValidationError for a malformed id
///         or a special-category value `source` holds only as a placeholder (it must travel).
INBURGERING_EXPORT std::string write_dossier(const Trajectory& source, const std::string& id,
                                             const SigningKey* key = nullptr);

/// A random dossier id (32 hex digits).
INBURGERING_EXPORT std::string new_dossier_id();

/// A dossier read and checked: envelope, length, digest, signature and content.
struct INBURGERING_EXPORT ReadDossier {
  DossierInfo info;
  /// The trajectory as it was transferred out (`TrajectoryState::kTransferredOut`), ready for
  /// `Trajectory::receive_transfer`.
  Trajectory source;
};

/// Reads `text` and checks everything but the recipient and whether it was imported before
/// (a store checks those).
/// @throws DossierError naming the problem.
INBURGERING_EXPORT ReadDossier read_dossier(std::string_view text, const ImportOptions& options);

}  // namespace inburgering::transfer
