#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace qujat::http {

// Runs `work` every `interval` on its own thread until stopped; the first run is one
// interval after start. Stopping wakes the thread at once and waits for a run in progress.
class Ticker {
public:
    Ticker(std::chrono::milliseconds interval, std::function<void()> work);
    ~Ticker();
    Ticker(const Ticker&) = delete;
    Ticker& operator=(const Ticker&) = delete;

    void stop();

private:
    void loop();

    std::chrono::milliseconds interval_;
    std::function<void()> work_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopped_ = false;
    std::thread thread_;
};

}  // namespace qujat::http
