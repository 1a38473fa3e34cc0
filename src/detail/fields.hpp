#pragma once
// Private: the one description of every record's fields.
//
// Each record type T has one function, next to its module (src/<module>/fields.hpp):
//
//   template <class V, Of<T> P> void describe(V& v, P& record) {
//     v("name", record.name, Sensitivity::kPersonal);
//     v("route", record.route);
//   }
//
// listing every field once, in order, with its stable name and whether its value is personal.
// `P` is `T` or `const T`, so the same list serves readers (which fill a record) and writers.
// Everything that walks a record is a visitor over these lists (src/detail/walk.hpp and
// src/storage/record_codec.cpp): the JSON encoder and decoder, the audit trail's field-level
// diff and its masking of personal values, the input check of texts and dates, and the test
// that fills every field with random values. A field added to a struct and to its list is
// stored, decoded, diffed, masked and tested without further code; a field left out of the list
// fails the round-trip property test (tests/storage/record_codec_test.cpp).
//
// This is the shape of Boost.Serialization's `serialize(Archive&, T&, unsigned)` with
// `make_nvp`; the transfer archive (Boost XML) gets the same lists through a bridge visitor.

#include <concepts>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "inburgering/bsn.hpp"
#include "inburgering/calendar.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/money.hpp"
#include "inburgering/municipality.hpp"

namespace inburgering::detail {

/// How a field's value may be shown outside the record (audit trail, messages, anonymous
/// exports). A mark holds for everything below the field.
enum class Sensitivity : unsigned char {
  /// Not personal: stored codes, dates of acts, counts.
  kPlain,
  /// Personal data (AVG art. 4): BSN, names, birth date, free text that may describe the person,
  /// financial data. Never copied into the audit trail or a message.
  kPersonal,
  /// Special-category data (AVG art. 9; Wi 37; Bi 9.11): health. Also stored apart and shown
  /// only with health rights (the health topic; src/storage/special_values.hpp for the rest).
  kSpecial,
};

constexpr Sensitivity stricter(Sensitivity a, Sensitivity b) { return a > b ? a : b; }

/// `P` is record type `T`, possibly const: the parameter of a `describe` overload.
template <class P, class T>
concept Of = std::same_as<std::remove_const_t<P>, T>;

/// Whether `describe(v, t)` exists for `T`: a record, not a scalar or a container.
struct ProbeVisitor {
  template <class F>
  void operator()(const char*, F&, Sensitivity = Sensitivity::kPlain) {}
};
template <class T>
concept Described = requires(ProbeVisitor& v, T& t) {
  describe(v, t);
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsSet : std::false_type {};
template <class T>
struct IsSet<std::set<T>> : std::true_type {};
template <class T>
struct IsMap : std::false_type {};
template <class K, class V>
struct IsMap<std::map<K, V>> : std::true_type {};
template <class T>
struct IsStrongId : std::false_type {};
template <class Tag, class T>
struct IsStrongId<StrongId<Tag, T>> : std::true_type {};

/// A value of `T` to be overwritten by a decoder: types without a default constructor (a BSN,
/// a municipality code, and the records that hold one) get a syntactically valid placeholder
/// that a decoder always replaces, or fails before the object is used.
template <class T>
struct Blank {
  static T make() { return T{}; }
};
template <>
struct Blank<Bsn> {
  static Bsn make() { return Bsn("999999990"); }
};
template <>
struct Blank<MunicipalityCode> {
  static MunicipalityCode make() { return MunicipalityCode("9999"); }
};

}  // namespace inburgering::detail
