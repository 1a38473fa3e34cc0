#pragma once
// Private: the check of a date of birth, which is personal: a message describes it, never
// repeats it.

#include <string>

#include "inburgering/calendar.hpp"
#include "inburgering/error.hpp"
#include "inburgering/limits.hpp"

namespace inburgering::detail {

inline void require_birth_date(Date birth_date) {
  if (birth_date.is_special() || birth_date.year() < kEarliestYear ||
      birth_date.year() > kLatestYear) {
    throw ValidationError("participant.birth_date",
                          "must be a valid date in the years " + std::to_string(kEarliestYear) +
                              ".." + std::to_string(kLatestYear),
                          "value withheld");
  }
}

}  // namespace inburgering::detail
