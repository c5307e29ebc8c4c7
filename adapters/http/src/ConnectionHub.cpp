#include "ConnectionHub.h"

#include "Connection.h"

namespace qujat::http {

ConnectionHub::ConnectionHub(Api& api, Poco::Net::HTTPServerParams::Ptr params, const Limits& limits)
    : api_(api), params_(std::move(params)), limits_(limits) {}

bool ConnectionHub::overloaded() const {
    Poco::Net::TCPServer* server = server_.load();
    return server && server->queuedConnections() > limits_.queue;
}

bool ConnectionHub::othersWaiting() const {
    Poco::Net::TCPServer* server = server_.load();
    return server && server->queuedConnections() > 0 && server->currentThreads() >= server->maxThreads();
}

void ConnectionHub::add(Connection* c) {
    std::lock_guard<std::mutex> lock(mutex_);
    connections_.insert(c);
}

void ConnectionHub::remove(Connection* c) {
    std::lock_guard<std::mutex> lock(mutex_);
    connections_.erase(c);
    if (connections_.empty()) idle_.notify_all();
}

int ConnectionHub::active() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<int>(connections_.size());
}

int ConnectionHub::queued() const {
    Poco::Net::TCPServer* server = server_.load();
    return server ? server->queuedConnections() : 0;
}

int ConnectionHub::refused() const {
    Poco::Net::TCPServer* server = server_.load();
    return server ? server->refusedConnections() : 0;
}

void ConnectionHub::drain(std::chrono::seconds drain) {
    stopping_ = true;
    std::unique_lock<std::mutex> lock(mutex_);
    if (idle_.wait_for(lock, drain, [&] { return connections_.empty(); })) return;
    // Past the drain time: whatever is still running is cut off.
    for (Connection* c : connections_) c->abort();
}

}  // namespace qujat::http
