#pragma once
/// @file clock.hpp
/// An injectable source of "today". No rule in the library reads the system time: every
/// date-dependent query takes a `Date` and callers obtain it from a `Clock` (as leveldb's
/// `Env::NowMicros`). Tests use `FixedClock`.

#include "inburgering/calendar.hpp"

namespace inburgering {

/// Source of the current date. Implementations must be thread-safe for `today()`.
class Clock {
 public:
  virtual ~Clock() = default;
  /// The current date in the Netherlands' civil calendar.
  virtual Date today() const = 0;
};

/// The machine's local date (the library assumes the host runs in Dutch local time).
class SystemClock final : public Clock {
 public:
  Date today() const override;
};

/// A clock that stands still until it is moved: for tests, demos and replaying history.
/// Not thread-safe while being moved.
class FixedClock final : public Clock {
 public:
  /// @throws ValidationError if `today` is not a valid date.
  explicit FixedClock(Date today);
  Date today() const override { return today_; }
  /// Moves the clock to `date` (forwards or backwards).
  void set(Date date);
  /// Moves the clock forward by `days` days.
  void advance_days(int days);

 private:
  Date today_;
};

}  // namespace inburgering
