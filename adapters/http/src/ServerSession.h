#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerSession.h>

#include <functional>

namespace qujat::http {

// Poco's server session with a wait for the next request that gives way: it polls in
// short slices so an idle keep-alive connection notices within a fraction of a second that
// the server is stopping or that other clients are waiting for its thread.
class ServerSession : public Poco::Net::HTTPServerSession {
public:
    ServerSession(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params);

    // Whether a request arrives: for the first, within the read timeout; for later ones,
    // within the keep-alive timeout, unless `giveWay` returns true first (then false).
    bool awaitRequest(bool first, const std::function<bool()>& giveWay);

private:
    Poco::Timespan keepAliveTimeout_;
};

}  // namespace qujat::http
