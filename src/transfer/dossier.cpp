// The transfer dossier (Wi 35.4): a Boost.Serialization XML archive written from the field lists
// (src/<module>/fields.hpp) through a bridge, in a text envelope with its SHA-256 digest and an
// optional Ed25519 signature (libsodium).

#include "inburgering/transfer/dossier.hpp"

#include <sodium.h>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/version.hpp>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "detail/enum_table.hpp"
#include "detail/iso_date.hpp"
#include "detail/walk.hpp"
#include "storage/audit_chain.hpp"
#include "trajectory/fields.hpp"

namespace inburgering {

/// The content of a dossier: who sends it to whom, and the record that travels. In namespace
/// inburgering, where argument-dependent lookup finds the bridge below.
struct DossierContent {
  std::string id;
  MunicipalityCode from = detail::Blank<MunicipalityCode>::make();
  MunicipalityCode to = detail::Blank<MunicipalityCode>::make();
  Date moved_on;
  TrajectoryId source_id;
  TrajectoryRecord record = detail::Blank<TrajectoryRecord>::make();
};

template <class V, detail::Of<DossierContent> P>
void describe(V& v, P& c) {
  v("id", c.id);
  v("from", c.from);
  v("to", c.to);
  v("moved_on", c.moved_on);
  v("source_id", c.source_id);
  v("record", c.record);
}

namespace xml_bridge {

using boost::serialization::make_nvp;

/// A list longer than this in a dossier is damage (a trajectory holds a few hundred entries at
/// most): refused before anything is allocated for it.
constexpr std::size_t kMaxItems = 100'000;

/// A class in the archive carries a newer version than this library's.
struct NewerClass {};

[[noreturn]] void bad(const std::string& field, const char* rule) {
  throw ValidationError(field, rule, "see the dossier");
}

template <class Archive, class F>
void io(Archive& ar, const char* name, F& field);

/// A value written as text or a number (enumerations, dates, codes, money, ids).
template <class Archive, class F>
void leaf(Archive& ar, const char* name, F& field) {
  constexpr bool saving = Archive::is_saving::value;
  if constexpr (std::is_same_v<F, bool> || std::is_integral_v<F> ||
                std::is_same_v<F, std::string>) {
    ar& make_nvp(name, field);
  } else if constexpr (std::is_enum_v<F>) {
    std::string text = saving ? std::string(to_string(field)) : std::string();
    ar& make_nvp(name, text);
    if constexpr (!saving) parse_enum(text, field, name);
  } else if constexpr (std::is_same_v<F, Date>) {
    std::string text = saving ? to_iso(field) : std::string();
    ar& make_nvp(name, text);
    if constexpr (!saving) {
      const auto date = ::inburgering::detail::parse_iso_date(text);
      if (!date) bad(name, "a date YYYY-MM-DD");
      field = *date;
    }
  } else if constexpr (std::is_same_v<F, Money>) {
    std::int64_t cents = saving ? field.in_cents() : 0;
    ar& make_nvp(name, cents);
    if constexpr (!saving) field = Money::cents(cents);
  } else if constexpr (detail::IsStrongId<F>::value) {
    typename F::value_type value = saving ? field.value() : typename F::value_type{};
    ar& make_nvp(name, value);
    if constexpr (!saving) field = F(std::move(value));
  } else if constexpr (std::is_same_v<F, MunicipalityCode>) {
    std::string text = saving ? field.to_string() : std::string();
    ar& make_nvp(name, text);
    if constexpr (!saving) field = MunicipalityCode(text);
  } else if constexpr (std::is_same_v<F, Bsn>) {
    std::string text = saving ? field.digits() : std::string();
    ar& make_nvp(name, text);
    if constexpr (!saving) field = Bsn(text);
  } else {
    static_assert(sizeof(F) == 0, "a field type without a dossier form");
  }
}

/// The number of items of a list, checked on reading.
template <class Archive>
std::size_t count(Archive& ar, const std::string& name, std::size_t size) {
  std::size_t n = size;
  ar& make_nvp((name + "_count").c_str(), n);
  if (n > kMaxItems) bad(name, "a list of at most 100000 items");
  return n;
}

template <class Archive, class F>
void io(Archive& ar, const char* name, F& field) {
  constexpr bool saving = Archive::is_saving::value;
  if constexpr (detail::Described<F>) {
    ar& make_nvp(name, field);  // the class, with its version, through serialize() below
  } else if constexpr (detail::IsOptional<F>::value) {
    bool present = field.has_value();
    ar& make_nvp((std::string(name) + "_present").c_str(), present);
    if (!present) {
      field.reset();
      return;
    }
    if (!field) field = detail::Blank<typename F::value_type>::make();
    io(ar, name, *field);
  } else if constexpr (detail::IsVector<F>::value || detail::IsSet<F>::value) {
    using Item = typename F::value_type;
    const std::size_t n = count(ar, name, field.size());
    if constexpr (saving) {
      for (const Item& item : field) io(ar, "item", const_cast<Item&>(item));
    } else {
      field.clear();
      for (std::size_t i = 0; i < n; ++i) {
        Item item = detail::Blank<Item>::make();
        io(ar, "item", item);
        if constexpr (detail::IsVector<F>::value) {
          field.push_back(std::move(item));
        } else if (!field.insert(std::move(item)).second) {
          bad(name, "a set without duplicates");
        }
      }
    }
  } else if constexpr (detail::IsMap<F>::value) {
    using Key = typename F::key_type;
    using Value = typename F::mapped_type;
    const std::size_t n = count(ar, name, field.size());
    if constexpr (saving) {
      for (auto& [key, value] : field) {
        Key k = key;
        leaf(ar, "key", k);
        io(ar, "value", value);
      }
    } else {
      field.clear();
      for (std::size_t i = 0; i < n; ++i) {
        Key key{};
        leaf(ar, "key", key);
        Value value = detail::Blank<Value>::make();
        io(ar, "value", value);
        if (!field.emplace(key, std::move(value)).second) bad(name, "a map without duplicate keys");
      }
    }
  } else {
    leaf(ar, name, field);
  }
}

template <class Archive>
struct Visitor {
  Archive* ar;
  template <class F>
  void operator()(const char* name, F& field, detail::Sensitivity = detail::Sensitivity::kPlain) {
    io(*ar, name, field);
  }
  template <class F>
  void operator()(const char* name, const F& field,
                  detail::Sensitivity = detail::Sensitivity::kPlain) {
    io(*ar, name, const_cast<F&>(field));  // saving only: Boost takes references
  }
};

}  // namespace xml_bridge

/// Boost.Serialization's entry point for every described record: the field list is the
/// archive's list of elements. Found by argument-dependent lookup.
template <class Archive, class T>
requires detail::Described<T>
void serialize(Archive& ar, T& value, const unsigned int version) {
  if constexpr (Archive::is_loading::value) {
    // A class written by a newer library: its fields may mean something else.
    if (version > static_cast<unsigned int>(boost::serialization::version<T>::value)) {
      throw xml_bridge::NewerClass{};
    }
  }
  xml_bridge::Visitor<Archive> visitor{&ar};
  describe(visitor, value);
}

}  // namespace inburgering

// The dossier's content is version 1; every record class is version 0 (its fields as listed).
// A change of a record's fields raises its class version here, and serialize() reads the older
// version; Boost refuses an archive whose class versions are newer than these.
BOOST_CLASS_VERSION(inburgering::DossierContent, 1)

namespace inburgering::transfer {

INBURGERING_DEFINE_ENUM_TEXT(
    DossierProblem, {DossierProblem::kNotADossier, "not_a_dossier", "geen overdrachtsdossier"},
    {DossierProblem::kFutureVersion, "future_version", "nieuwere dossierversie"},
    {DossierProblem::kTruncated, "truncated", "dossier onvolledig"},
    {DossierProblem::kCorrupted, "corrupted", "dossier beschadigd"},
    {DossierProblem::kUnsigned, "unsigned", "dossier niet ondertekend"},
    {DossierProblem::kBadSignature, "bad_signature", "handtekening ongeldig"},
    {DossierProblem::kUntrustedSigner, "untrusted_signer", "ondertekend met een onbekende sleutel"},
    {DossierProblem::kWrongRecipient, "wrong_recipient", "dossier voor een andere gemeente"},
    {DossierProblem::kAlreadyImported, "already_imported", "dossier al ingelezen"},
    {DossierProblem::kInvalidContent, "invalid_content", "inhoud ongeldig"});

DossierError::DossierError(DossierProblem problem, const std::string& message)
    : Error(ErrorCode::kDossierRefused,
            "dossier refused (" + std::string(to_string(problem)) + "): " + message),
      problem_(problem) {}

namespace {

constexpr std::string_view kMagic = "INBURGERING-DOSSIER ";

void init_sodium() {
  // libsodium asks for sodium_init() before any other call; thread-safe and idempotent.
  static const int initialised = sodium_init();
  if (initialised < 0) throw StorageError("libsodium could not be initialised");
}

std::string hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

template <std::size_t N>
bool from_hex(std::string_view text, std::array<unsigned char, N>& out) {
  if (text.size() != N * 2) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  std::size_t written = 0;
  return sodium_hex2bin(out.data(), N, text.data(), text.size(), nullptr, &written, nullptr) == 0 &&
         written == N;
}

using storage::detail::sha256_hex;

bool is_dossier_id(std::string_view id) {
  std::array<unsigned char, 16> ignored{};
  return from_hex(id, ignored);
}

[[noreturn]] void refuse(DossierProblem problem, const std::string& message) {
  throw DossierError(problem, message);
}

struct Envelope {
  int version = 0;
  std::map<std::string, std::string, std::less<>> fields;
  std::string_view content;
};

// The envelope: the magic line with the version, "name: value" lines, an empty line, then the
// content. Anything else is not a dossier.
Envelope parse_envelope(std::string_view text) {
  Envelope out;
  if (text.substr(0, kMagic.size()) != kMagic) {
    refuse(DossierProblem::kNotADossier, "it does not begin with \"INBURGERING-DOSSIER\"");
  }
  std::size_t pos = kMagic.size();
  const std::size_t eol = text.find('\n', pos);
  if (eol == std::string_view::npos) refuse(DossierProblem::kNotADossier, "no envelope");
  const std::string_view version = text.substr(pos, eol - pos);
  if (version.empty() || version.size() > 6 ||
      version.find_first_not_of("0123456789") != std::string_view::npos) {
    refuse(DossierProblem::kNotADossier, "the format version is not a number");
  }
  out.version = std::stoi(std::string(version));
  if (out.version > kDossierVersion) {
    refuse(DossierProblem::kFutureVersion, "format " + std::string(version) +
                                               "; this library reads up to " +
                                               std::to_string(kDossierVersion));
  }
  if (out.version < 1) refuse(DossierProblem::kNotADossier, "format 0 does not exist");
  pos = eol + 1;
  while (true) {
    const std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      refuse(DossierProblem::kTruncated, "the envelope ends early");
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) break;
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos || line.size() > 300 || out.fields.size() > 20) {
      refuse(DossierProblem::kNotADossier, "a damaged envelope line");
    }
    if (!out.fields.emplace(std::string(line.substr(0, colon)), std::string(line.substr(colon + 2)))
             .second) {
      refuse(DossierProblem::kNotADossier, "an envelope field appears twice");
    }
  }
  out.content = text.substr(pos);
  return out;
}

const std::string& field(const Envelope& envelope, const char* name) {
  const auto it = envelope.fields.find(name);
  if (it == envelope.fields.end()) {
    refuse(DossierProblem::kNotADossier, std::string("the envelope has no \"") + name + "\"");
  }
  return it->second;
}

// The XML declaration the dossier's content begins with. The archive is written without Boost's
// own header: its reader checks the closing tags of that header in a destructor, which cannot
// report damage (std::terminate); the envelope carries the format version instead.
constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>\n";

std::string archive(const DossierContent& content) {
  std::ostringstream out;
  out << kXmlDeclaration;
  {
    boost::archive::xml_oarchive ar(out, boost::archive::no_header);
    ar << boost::serialization::make_nvp("dossier", content);
  }
  return out.str();
}

DossierContent unarchive(std::string_view xml) {
  DossierContent content;
  if (xml.substr(0, kXmlDeclaration.size()) != kXmlDeclaration) {
    refuse(DossierProblem::kInvalidContent, "the content is not the XML of a dossier");
  }
  try {
    std::istringstream in{std::string(xml.substr(kXmlDeclaration.size()))};
    // Element names are read in order but not compared with the expected ones: Boost 1.74's
    // comparison reads past the end of the expected name when a closing tag is longer (found by
    // fuzz_dossier; tests/transfer/dossier_test.cpp, ALongClosingTagIsNoCrash). The digest and
    // the signature protect the content; the model checks every value.
    boost::archive::xml_iarchive ar(
        in, boost::archive::no_header | boost::archive::no_xml_tag_checking);
    ar >> boost::serialization::make_nvp("dossier", content);
  } catch (const ValidationError& e) {
    refuse(DossierProblem::kInvalidContent, e.field() + ": " + e.rule());
  } catch (const ::inburgering::xml_bridge::NewerClass&) {
    refuse(DossierProblem::kFutureVersion, "the archive's classes are newer than this library's");
  } catch (const boost::archive::archive_exception& e) {
    if (e.code == boost::archive::archive_exception::unsupported_class_version ||
        e.code == boost::archive::archive_exception::unsupported_version) {
      refuse(DossierProblem::kFutureVersion, "the archive's classes are newer than this library's");
    }
    refuse(DossierProblem::kInvalidContent, std::string("the archive is damaged: ") + e.what());
  } catch (const std::exception& e) {
    refuse(DossierProblem::kInvalidContent, std::string("the archive is damaged: ") + e.what());
  }
  return content;
}

}  // namespace

// ---- Keys --------------------------------------------------------------------------------------

PublicKey PublicKey::from_hex(std::string_view text) {
  PublicKey key;
  if (!transfer::from_hex(text, key.bytes_)) {
    throw ValidationError("public_key", "64 lowercase hex digits (an Ed25519 public key)",
                          std::to_string(text.size()) + " characters");
  }
  return key;
}

std::string PublicKey::to_hex() const { return hex(bytes_.data(), bytes_.size()); }

SigningKey SigningKey::generate() {
  init_sodium();
  SigningKey key;
  std::array<unsigned char, 32> public_key{};
  crypto_sign_keypair(public_key.data(), key.secret_.data());
  return key;
}

SigningKey SigningKey::from_seed_hex(std::string_view text) {
  init_sodium();
  std::array<unsigned char, 32> seed{};
  if (!from_hex(text, seed)) {
    throw ValidationError("signing_key.seed", "64 lowercase hex digits (an Ed25519 seed)",
                          std::to_string(text.size()) + " characters");
  }
  SigningKey key;
  std::array<unsigned char, 32> public_key{};
  crypto_sign_seed_keypair(public_key.data(), key.secret_.data(), seed.data());
  sodium_memzero(seed.data(), seed.size());
  return key;
}

SigningKey::SigningKey(const SigningKey&) = default;
SigningKey& SigningKey::operator=(const SigningKey&) = default;
SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

PublicKey SigningKey::public_key() const {
  PublicKey key;
  crypto_sign_ed25519_sk_to_pk(key.bytes_.data(), secret_.data());
  return key;
}

std::string SigningKey::seed_hex() const {
  std::array<unsigned char, 32> seed{};
  crypto_sign_ed25519_sk_to_seed(seed.data(), secret_.data());
  std::string out = hex(seed.data(), seed.size());
  sodium_memzero(seed.data(), seed.size());
  return out;
}

std::array<unsigned char, 64> SigningKey::sign(std::string_view message) const {
  init_sodium();
  std::array<unsigned char, 64> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_.data());
  return signature;
}

// ---- Writing -----------------------------------------------------------------------------------

TrajectoryRecord travelling_record(const TrajectoryRecord& transferred_out) {
  TrajectoryRecord record = transferred_out;
  record.revision = 0;
  // A decision of the former college under the Participatiewet (Pw 56a), not part of the
  // integration file: it stays (the PIP says that one was attached, `unburdening_attached`).
  record.unburdening.reset();
  // Wi 35.4 names the PIP, the progress and the fines; the intake's health topic is none of
  // them, and Wi 37.2 lets the new college ask what it needs itself: it stays.
  record.intake.topics.erase(IntakeTopic::kHealth);
  return record;
}

std::string new_dossier_id() {
  init_sodium();
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return hex(bytes.data(), bytes.size());
}

std::string write_dossier(const Trajectory& source, const std::string& id, const SigningKey* key) {
  const TrajectoryRecord& record = source.record();
  if (source.state() != TrajectoryState::kTransferredOut || !record.closure ||
      !record.closure->moved_to) {
    throw RuleViolation("Wi 35.4", "only a trajectory transferred out has a dossier to hand over");
  }
  if (!is_dossier_id(id)) {
    throw ValidationError("dossier.id", "32 lowercase hex digits (new_dossier_id())",
                          std::to_string(id.size()) + " characters");
  }
  for (std::size_t i = 0; i < record.obligation.dispensations.size(); ++i) {
    if (record.obligation.dispensations[i].special_withheld) {
      throw ValidationError("obligation.dispensations[" + std::to_string(i) + "].special_withheld",
                            "the dossier takes the dispensation's values: load the trajectory "
                            "with health information",
                            "true");
    }
  }
  if (record.intake.learnability_test && record.intake.learnability_test->special_withheld) {
    throw ValidationError("intake.learnability_test.special_withheld",
                          "the dossier takes the dispensation's values: load the trajectory "
                          "with health information",
                          "true");
  }
  DossierContent content;
  content.id = id;
  content.from = record.municipality;
  content.to = *record.closure->moved_to;
  content.moved_on = record.closure->on;
  content.source_id = record.id;
  content.record = travelling_record(record);
  const std::string xml = archive(content);
  const std::string digest = sha256_hex(xml);
  std::string out = std::string(kMagic) + std::to_string(kDossierVersion) + "\n";
  out += "id: " + id + "\n";
  out += "from: " + content.from.to_string() + "\n";
  out += "to: " + content.to.to_string() + "\n";
  out += "length: " + std::to_string(xml.size()) + "\n";
  out += "sha256: " + digest + "\n";
  if (key != nullptr) {
    const auto signature = key->sign(digest);
    out += "signature: ed25519 " + hex(signature.data(), signature.size()) + "\n";
    out += "signer: " + key->public_key().to_hex() + "\n";
  } else {
    out += "signature: none\n";
  }
  out += "\n";
  out += xml;
  return out;
}

// ---- Reading -----------------------------------------------------------------------------------

ReadDossier read_dossier(std::string_view text, const ImportOptions& options) {
  if (text.size() > kMaxDossierBytes) {
    refuse(DossierProblem::kNotADossier,
           std::to_string(text.size()) + " bytes, more than kMaxDossierBytes");
  }
  const Envelope envelope = parse_envelope(text);
  const std::string& length_text = field(envelope, "length");
  if (length_text.empty() || length_text.size() > 12 ||
      length_text.find_first_not_of("0123456789") != std::string::npos) {
    refuse(DossierProblem::kNotADossier, "the length is not a number");
  }
  if (std::stoull(length_text) != envelope.content.size()) {
    refuse(DossierProblem::kTruncated, "the content has " +
                                           std::to_string(envelope.content.size()) +
                                           " bytes, the envelope says " + length_text);
  }
  const std::string& digest = field(envelope, "sha256");
  if (sha256_hex(envelope.content) != digest) {
    refuse(DossierProblem::kCorrupted, "the content's SHA-256 differs from the envelope's");
  }
  const MunicipalityCode from = [&] {
    try {
      return MunicipalityCode(field(envelope, "from"));
    } catch (const ValidationError&) {
      refuse(DossierProblem::kNotADossier, "the sending municipality is not a CBS code");
    }
  }();

  // Signature: over the digest, by the key in `signer`.
  std::optional<PublicKey> signer;
  const std::string& signature_text = field(envelope, "signature");
  if (signature_text != "none") {
    std::array<unsigned char, 64> signature{};
    if (signature_text.rfind("ed25519 ", 0) != 0 ||
        !from_hex(signature_text.substr(8), signature)) {
      refuse(DossierProblem::kNotADossier, "the signature is not \"ed25519 <128 hex digits>\"");
    }
    PublicKey key;
    try {
      key = PublicKey::from_hex(field(envelope, "signer"));
    } catch (const ValidationError&) {
      refuse(DossierProblem::kNotADossier, "the signer is not an Ed25519 public key");
    }
    init_sodium();
    if (crypto_sign_verify_detached(signature.data(),
                                    reinterpret_cast<const unsigned char*>(digest.data()),
                                    digest.size(), key.bytes().data()) != 0) {
      refuse(DossierProblem::kBadSignature, "the signature does not verify with its signer's key");
    }
    signer = key;
  }
  const auto trusted = options.trusted_senders.find(from);
  bool signer_trusted = false;
  if (trusted != options.trusted_senders.end()) {
    if (!signer) {
      refuse(DossierProblem::kUnsigned,
             "municipality " + from.to_string() + " signs its dossiers; this one is not signed");
    }
    if (!(*signer == trusted->second)) {
      refuse(DossierProblem::kUntrustedSigner,
             "signed with another key than the one held for municipality " + from.to_string());
    }
    signer_trusted = true;
  } else if (options.require_signature) {
    refuse(signer ? DossierProblem::kUntrustedSigner : DossierProblem::kUnsigned,
           "a signature by a key held for municipality " + from.to_string() + " is required");
  }

  DossierContent content = unarchive(envelope.content);
  // Element names are not compared while reading (see unarchive), so the content must be
  // exactly what this library writes: names, order, attributes. (A later version that reads
  // older class versions compares with what it writes for those versions.)
  if (archive(content) != envelope.content) {
    refuse(DossierProblem::kInvalidContent,
           "the archive is not in the form this library writes (element names, order or "
           "attributes)");
  }
  if (content.id != field(envelope, "id")) {
    refuse(DossierProblem::kInvalidContent, "the envelope and the content name another id");
  }
  if (content.from != from || content.to.to_string() != field(envelope, "to")) {
    refuse(DossierProblem::kInvalidContent,
           "the envelope and the content name other municipalities");
  }
  if (content.from == content.to) {
    refuse(DossierProblem::kInvalidContent, "a move within one municipality has no dossier");
  }
  if (!is_dossier_id(content.id)) refuse(DossierProblem::kInvalidContent, "a malformed dossier id");
  const TrajectoryRecord& record = content.record;
  if (record.municipality != content.from || record.id != content.source_id ||
      record.state != TrajectoryState::kTransferredOut || !record.closure ||
      record.closure->moved_to != content.to || record.closure->on != content.moved_on) {
    refuse(DossierProblem::kInvalidContent,
           "the record is not the trajectory transferred out from " + content.from.to_string() +
               " to " + content.to.to_string());
  }
  if (!(content.record == travelling_record(content.record))) {
    refuse(DossierProblem::kInvalidContent,
           "it holds what stays with the former college (the health topic or the unburdening)");
  }
  try {
    Trajectory source = Trajectory::from_record(content.record);
    return ReadDossier{DossierInfo{content.id, content.from, content.to, content.moved_on,
                                   content.source_id, signer, signer_trusted},
                       std::move(source)};
  } catch (const ValidationError& e) {
    refuse(DossierProblem::kInvalidContent, e.field() + ": " + e.rule());
  }
}

}  // namespace inburgering::transfer
