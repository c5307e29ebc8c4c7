#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServer.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>

#include "qujat/http/ServerOptions.h"

namespace qujat::http {

class Api;
class Connection;

// What the connections of one server share: the API, the HTTP parameters, the stop flag,
// and the view of the pool's queue used to shed load and to keep idle connections from
// holding threads others wait for. Thread-safe.
class ConnectionHub {
public:
    ConnectionHub(Api& api, Poco::Net::HTTPServerParams::Ptr params, const Limits& limits);

    Api& api() { return api_; }
    Poco::Net::HTTPServerParams::Ptr params() const { return params_; }
    const Limits& limits() const { return limits_; }

    // The pool whose queue is watched; set once, before it starts accepting.
    void watch(Poco::Net::TCPServer* server) { server_ = server; }

    bool stopping() const { return stopping_.load(); }
    // More connections wait than limits.queue allows: answer 503 and close.
    bool overloaded() const;
    // Every thread is busy and someone waits for one: an idle connection should close.
    bool othersWaiting() const;

    void add(Connection* c);
    void remove(Connection* c);
    int active() const;
    int queued() const;
    int refused() const;

    // From now on no connection takes another request after the one it is answering.
    void beginStop() { stopping_ = true; }
    // Waits up to `drain` for the connections to finish their requests in flight, then
    // shuts the remaining sockets down.
    void drain(std::chrono::seconds drain);

private:
    Api& api_;
    Poco::Net::HTTPServerParams::Ptr params_;
    Limits limits_;
    std::atomic<Poco::Net::TCPServer*> server_{nullptr};
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::condition_variable idle_;
    std::set<Connection*> connections_;
};

}  // namespace qujat::http
