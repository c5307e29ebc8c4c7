#pragma once

#include "qujat/engine/Time.h"

namespace qujat::engine {

// The source of "now", injected so deadlines and escalations can be tested.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Millis now() = 0;
};

}  // namespace qujat::engine
