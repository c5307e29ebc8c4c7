#pragma once

#include <atomic>
#include <chrono>

#include "qujat/engine/ports/Clock.h"

namespace qujat::engine {

// The wall clock.
class SystemClock final : public Clock {
public:
    Millis now() override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

// A clock that moves only when told: for replaying a story (the demo), for `--now`, and
// for tests of deadlines. Thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Millis start) : now_(start) {}
    Millis now() override { return now_.load(); }
    void set(Millis t) { now_.store(t); }
    void advance(Millis by) { now_.fetch_add(by); }

private:
    std::atomic<Millis> now_;
};

}  // namespace qujat::engine
