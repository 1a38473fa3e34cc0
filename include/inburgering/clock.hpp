#pragma once
/// @file clock.hpp
/// An injectable source of "today". No rule in the library reads the system time: every
/// date-dependent query takes a `Date` and callers obtain it from a `Clock` (as leveldb's
/// `Env::NowMicros`). Tests use `FixedClock`.

#include <chrono>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"

namespace inburgering {

/// Source of the current date. Implementations must be thread-safe for `today()`.
class INBURGERING_EXPORT Clock {
 public:
  virtual ~Clock() = default;
  /// The current date in the Netherlands' civil calendar.
  virtual Date today() const = 0;
  /// The current moment, in UTC, to the second (timestamps of the audit trail).
  virtual std::chrono::sys_seconds now() const = 0;
};

/// The machine's local date (the library assumes the host runs in Dutch local time).
class INBURGERING_EXPORT SystemClock final : public Clock {
 public:
  Date today() const override;
  std::chrono::sys_seconds now() const override;
};

/// A clock that stands still until it is moved: for tests, demos and replaying history.
/// Not thread-safe while being moved.
class INBURGERING_EXPORT FixedClock final : public Clock {
 public:
  /// @throws ValidationError if `today` is not a valid date.
  explicit FixedClock(Date today);
  Date today() const override { return today_; }
  /// Midnight UTC of `today()` plus the time of day set (00:00:00 by default).
  std::chrono::sys_seconds now() const override;
  /// Moves the clock to `date` (forwards or backwards); keeps the time of day.
  void set(Date date);
  /// Moves the clock forward by `days` days.
  void advance_days(int days);
  /// Sets the time of day `now()` reports. @throws ValidationError outside [0, 24h).
  void set_time_of_day(std::chrono::seconds since_midnight);

 private:
  Date today_;
  std::chrono::seconds time_of_day_{0};
};

/// "2024-03-01T10:15:00Z".
INBURGERING_EXPORT std::string to_iso(std::chrono::sys_seconds moment);

}  // namespace inburgering
