// The transfer dossier (Wi 35.4): written from the field lists, read back whole, and refused when
// damaged, tampered with, unsigned where a signature is required, or newer than this library.

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

#include "support/builders.hpp"

namespace inburgering::transfer {
namespace {

using test::d;

/// A trajectory of Utrecht, rich in content, moved to Amersfoort on 2027-09-01.
Trajectory moved_out() {
  Trajectory t = test::rich_trajectory();
  t.transfer_out(test::amersfoort(), d("2027-09-01"));
  return t;
}

const std::string kId = "0123456789abcdef0123456789abcdef";
/// Unsigned dossiers accepted: for the checks that do not concern the signature.
const ImportOptions kUnsigned{.require_signature = false};

DossierProblem problem_of(std::string_view text, const ImportOptions& options = kUnsigned) {
  try {
    read_dossier(text, options);
  } catch (const DossierError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDossierRefused);
    return e.problem();
  }
  ADD_FAILURE() << "the dossier was accepted";
  return DossierProblem::kNotADossier;
}

std::string sha256_hex(const std::string& bytes) {
  EXPECT_GE(sodium_init(), 0);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

/// `text` with the first occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// The envelope's value of `name`.
std::string envelope_field(const std::string& text, const std::string& name) {
  const auto at = text.find("\n" + name + ": ");
  const auto begin = at + name.size() + 3;
  return text.substr(begin, text.find('\n', begin) - begin);
}

/// The XML of a dossier text.
std::string xml_of(const std::string& text) { return text.substr(text.find("\n\n") + 2); }

/// `text` with its XML replaced by `xml`, the envelope's length and digest made to fit: what a
/// careless or malicious sender could write.
std::string rewrapped(const std::string& text, const std::string& xml) {
  const std::string old_xml = xml_of(text);
  std::string head = text.substr(0, text.size() - old_xml.size());
  head = replaced(head, "length: " + std::to_string(old_xml.size()),
                  "length: " + std::to_string(xml.size()));
  head = replaced(head, "sha256: " + sha256_hex(old_xml), "sha256: " + sha256_hex(xml));
  return head + xml;
}

TEST(Dossier, CarriesWhatTravelsAndNothingElse) {
  const Trajectory source = moved_out();
  const std::string text = write_dossier(source, kId);
  EXPECT_EQ(text.rfind("INBURGERING-DOSSIER 1\nid: " + kId + "\nfrom: 0344\nto: 0307\n", 0), 0u);
  EXPECT_NE(text.find("signature: none\n"), std::string::npos);
  EXPECT_NE(text.find("\n\n<?xml version=\"1.0\" encoding=\"UTF-8\""), std::string::npos);
  EXPECT_NE(text.find("<route>b1</route>"), std::string::npos);  // stored names, not numbers

  const ReadDossier read = read_dossier(text, kUnsigned);
  EXPECT_EQ(read.info.id, kId);
  EXPECT_EQ(read.info.from, test::utrecht());
  EXPECT_EQ(read.info.to, test::amersfoort());
  EXPECT_EQ(read.info.moved_on, d("2027-09-01"));
  EXPECT_EQ(read.info.source_id, source.id());
  EXPECT_FALSE(read.info.signer);
  // Every field that travels arrives as it was written.
  EXPECT_EQ(read.source.record(), travelling_record(source.record()));
  // What stays: the unburdening (Pw) and the health topic (Wi 35.4 does not name it).
  EXPECT_FALSE(read.source.record().unburdening);
  EXPECT_EQ(read.source.record().intake.topics.count(IntakeTopic::kHealth), 0u);
  EXPECT_EQ(text.find("PTSS"), std::string::npos);
  EXPECT_EQ(text.find("Woonstichting"), std::string::npos);
  // ... and the rest is there: plan versions, fines, term, dispensation.
  EXPECT_EQ(read.source.record().plan_versions, source.record().plan_versions);
  EXPECT_EQ(read.source.record().duo_fines, source.record().duo_fines);
  EXPECT_EQ(read.source.record().term, source.record().term);
  EXPECT_EQ(read.source.record().obligation, source.record().obligation);
}

TEST(Dossier, KeepsTextsWithAnyCharacter) {
  Trajectory t = test::registered();
  t.record_intake_topic(
      IntakeTopic::kMotivation,
      test::noted("2024-01-20", "wil <b>verpleegkundige</b> & \"zorg\"; ĳ é ü — 日本"));
  t.transfer_out(test::amersfoort(), d("2024-02-01"));
  const ReadDossier read = read_dossier(write_dossier(t, kId), kUnsigned);
  EXPECT_EQ(read.source.record().intake.topics.at(IntakeTopic::kMotivation).notes,
            "wil <b>verpleegkundige</b> & \"zorg\"; ĳ é ü — 日本");
}

TEST(Dossier, OnlyATrajectoryTransferredOutHasOne) {
  EXPECT_THROW(write_dossier(test::on_route(), kId), RuleViolation);
  EXPECT_THROW(write_dossier(moved_out(), "not-hex"), ValidationError);
  EXPECT_THROW(write_dossier(moved_out(), kId + "00"), ValidationError);
  EXPECT_EQ(new_dossier_id().size(), 32u);
  EXPECT_NE(new_dossier_id(), new_dossier_id());
}

TEST(Dossier, ASignedDossierVerifiesAgainstTheSendersKey) {
  const SigningKey key = SigningKey::from_seed_hex(std::string(64, '7'));
  EXPECT_EQ(SigningKey::from_seed_hex(key.seed_hex()).public_key(), key.public_key());
  const std::string text = write_dossier(moved_out(), kId, &key);
  EXPECT_EQ(envelope_field(text, "signer"), key.public_key().to_hex());
  const ImportOptions trusting{.trusted_senders = {{test::utrecht(), key.public_key()}}};
  const ReadDossier read = read_dossier(text, trusting);
  EXPECT_TRUE(read.info.signer_trusted);
  EXPECT_EQ(read.info.signer, key.public_key());
  // Without a key for the sender: checked for integrity, reported, not trusted.
  const ReadDossier untrusted = read_dossier(text, kUnsigned);
  EXPECT_FALSE(untrusted.info.signer_trusted);
  EXPECT_EQ(untrusted.info.signer, key.public_key());
}

TEST(Dossier, RefusesWhatASignatureDoesNotCover) {
  const SigningKey key = SigningKey::generate();
  const SigningKey other = SigningKey::generate();
  const ImportOptions trusting{.trusted_senders = {{test::utrecht(), key.public_key()}}};
  const std::string signed_text = write_dossier(moved_out(), kId, &key);
  const std::string unsigned_text = write_dossier(moved_out(), kId);
  EXPECT_EQ(problem_of(unsigned_text, trusting), DossierProblem::kUnsigned);
  EXPECT_EQ(problem_of(unsigned_text, {.require_signature = true}), DossierProblem::kUnsigned);
  EXPECT_EQ(problem_of(signed_text, {.require_signature = true}), DossierProblem::kUntrustedSigner);
  const std::string by_other = write_dossier(moved_out(), kId, &other);
  EXPECT_EQ(problem_of(by_other, trusting), DossierProblem::kUntrustedSigner);
  // Someone changes the content and writes the fitting length and digest: the signature, over
  // the old digest, no longer verifies.
  EXPECT_EQ(problem_of(rewrapped(signed_text, replaced(xml_of(signed_text), "<route>b1</route>",
                                                       "<route>z</route>")),
                       trusting),
            DossierProblem::kBadSignature);
  // A signature of another digest (the envelope's digest changed, the signature kept).
  std::string swapped = replaced(
      signed_text, "signature: ed25519 " + envelope_field(signed_text, "signature").substr(8),
      "signature: ed25519 " + envelope_field(by_other, "signature").substr(8));
  EXPECT_EQ(problem_of(swapped), DossierProblem::kBadSignature);
  EXPECT_EQ(problem_of(replaced(signed_text, "signature: ed25519 ", "signature: ed25519 zz")),
            DossierProblem::kNotADossier);
}

TEST(Dossier, TheEnvelopeAndTheContentAgree) {
  const std::string text = write_dossier(moved_out(), kId);
  const auto message_of = [](const std::string& bad) {
    try {
      read_dossier(bad, kUnsigned);
    } catch (const DossierError& e) {
      EXPECT_EQ(e.problem(), DossierProblem::kInvalidContent);
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(
      message_of(replaced(text, "id: " + kId, "id: " + std::string(32, 'f'))).find("another id"),
      std::string::npos);
  EXPECT_NE(message_of(replaced(text, "from: 0344", "from: 0363")).find("other municipalities"),
            std::string::npos);
  EXPECT_NE(message_of(replaced(text, "to: 0307", "to: 0363")).find("other municipalities"),
            std::string::npos);
  // The same element under another name, or elements in another order: not this library's form.
  const std::string xml = xml_of(text);
  EXPECT_NE(message_of(rewrapped(text, replaced(xml, "<given_names>Amal</given_names>",
                                                "<voornamen>Amal</voornamen>")))
                .find("form this library writes"),
            std::string::npos);
  // What stays with the former college must not be in it.
  Trajectory with_health = moved_out();
  TrajectoryRecord r = with_health.record();
  r.intake.topics[IntakeTopic::kHealth] = test::noted("2024-01-25", "PTSS");
  // write_dossier leaves the topic out; put it back in by hand, as a careless writer would.
  const std::string clean = write_dossier(Trajectory::from_record(r), kId);
  EXPECT_EQ(clean.find("PTSS"), std::string::npos);
  // A move to the own municipality.
  EXPECT_EQ(problem_of(
                replaced(replaced(text, "to: 0307", "to: 0344"), "<to>0307</to>", "<to>0344</to>")),
            DossierProblem::kCorrupted);  // the digest covers the content
}

TEST(Dossier, RefusesAnOversizedOrDoubledEnvelope) {
  const std::string text = write_dossier(moved_out(), kId);
  EXPECT_EQ(problem_of(text + std::string(kMaxDossierBytes, ' ')), DossierProblem::kNotADossier);
  EXPECT_EQ(problem_of(replaced(text, "from: 0344\n", "from: 0344\nfrom: 0307\n")),
            DossierProblem::kNotADossier);
}

TEST(Dossier, RefusesADamagedOrForeignText) {
  const std::string text = write_dossier(moved_out(), kId);
  EXPECT_EQ(problem_of(""), DossierProblem::kNotADossier);
  EXPECT_EQ(problem_of("<?xml version=\"1.0\"?>"), DossierProblem::kNotADossier);
  EXPECT_EQ(problem_of(replaced(text, "INBURGERING-DOSSIER 1", "INBURGERING-DOSSIER 2")),
            DossierProblem::kFutureVersion);
  EXPECT_EQ(problem_of(replaced(text, "INBURGERING-DOSSIER 1", "INBURGERING-DOSSIER x")),
            DossierProblem::kNotADossier);
  // Truncated anywhere: in the content, or in the envelope.
  EXPECT_EQ(problem_of(text.substr(0, text.size() - 10)), DossierProblem::kTruncated);
  EXPECT_EQ(problem_of(text.substr(0, 60)), DossierProblem::kTruncated);
  EXPECT_EQ(problem_of(text + "\n"), DossierProblem::kTruncated);
  // One byte changed in the content.
  std::string flipped = text;
  flipped[flipped.size() - 40] ^= 0x01;
  EXPECT_EQ(problem_of(flipped), DossierProblem::kCorrupted);
  EXPECT_EQ(problem_of(replaced(text, "\nsha256: ", "\nsha-256: ")), DossierProblem::kNotADossier);
}

TEST(Dossier, RefusesContentThatBreaksTheArchiveOrTheModel) {
  const std::string text = write_dossier(moved_out(), kId);
  const std::string xml = xml_of(text);
  EXPECT_NO_THROW(read_dossier(rewrapped(text, xml), kUnsigned));  // the rewrapping itself is sound
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"<route>b1</route>", "<route>b9</route>"},  // an unknown name
           {"<route_intensity_hours_per_week>12</route_intensity_hours_per_week>",
            "<route_intensity_hours_per_week>99</route_intensity_hours_per_week>"},  // a rule
           {"<moved_on>2027-09-01</moved_on>", "<moved_on>2027-13-01</moved_on>"},   // no date
           {"<to>0307</to>", "<to>0363</to>"},                // the envelope says otherwise
           {"<bsn>111222333</bsn>", "<bsn>111222334</bsn>"},  // the eleven-test
           {"</dossier>", ""},                                // the archive ends early
           {"<plan_versions_count>2</plan_versions_count>",
            "<plan_versions_count>7000000</plan_versions_count>"}}) {  // an absurd length
    EXPECT_EQ(problem_of(rewrapped(text, replaced(xml, from, to))), DossierProblem::kInvalidContent)
        << from;
  }
  // The health topic in the content, the digest made to fit: it stays with the former college.
  EXPECT_EQ(problem_of(rewrapped(text, replaced(xml, "<key>finances</key>", "<key>health</key>"))),
            DossierProblem::kInvalidContent);
  // A newer class version than this library knows.
  EXPECT_EQ(problem_of(rewrapped(text, replaced(xml, "version=\"1\"", "version=\"2\""))),
            DossierProblem::kFutureVersion);
}

}  // namespace
}  // namespace inburgering::transfer

namespace inburgering::transfer {
namespace {

// Found by fuzz_dossier: a closing tag longer than the element's name made Boost 1.74 read past
// the end of the name (ASan: global-buffer-overflow). The input is also a seed of the fuzz
// corpus (tests/fuzz/corpus/dossier/regression_long_end_tag.txt), where ASan watches it.
TEST(Dossier, ALongClosingTagIsNoCrash) {
  const std::string text = write_dossier(moved_out(), kId);
  const std::string xml = replaced(xml_of(text), "</third_party_info_requested_on>",
                                   "</third_party_info_requested_on_and_then_some_more_text>");
  EXPECT_EQ(problem_of(rewrapped(text, xml)), DossierProblem::kInvalidContent);
  // Cut inside a closing tag: the archive ends early, and that is invalid content.
  const std::string cut = xml_of(text).substr(0, xml_of(text).find("</duo_notice_date>") + 5);
  EXPECT_EQ(problem_of(rewrapped(text, cut)), DossierProblem::kInvalidContent);
}

}  // namespace
}  // namespace inburgering::transfer
