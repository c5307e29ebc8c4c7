#include "Ticker.h"

namespace qujat::http {

Ticker::Ticker(std::chrono::milliseconds interval, std::function<void()> work)
    : interval_(interval), work_(std::move(work)), thread_([this] { loop(); }) {}

Ticker::~Ticker() { stop(); }

void Ticker::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopped_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Ticker::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        if (wake_.wait_for(lock, interval_, [&] { return stopped_; })) return;
        lock.unlock();
        work_();
        lock.lock();
    }
}

}  // namespace qujat::http
