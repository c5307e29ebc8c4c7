#include "ServerSession.h"

#include <Poco/Net/StreamSocketImpl.h>

#include <algorithm>

namespace qujat::http {

ServerSession::ServerSession(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params)
    : Poco::Net::HTTPServerSession(socket, params), keepAliveTimeout_(params->getKeepAliveTimeout()) {}

bool ServerSession::awaitRequest(bool first, const std::function<bool()>& giveWay) {
    if (!socket().impl()->initialized()) return false;
    if (!first && !getKeepAlive()) return false;
    if (buffered() > 0) return true;
    const Poco::Timespan slice(0, 200000);
    Poco::Timespan left = first ? getTimeout() : keepAliveTimeout_;
    while (left > 0) {
        if (giveWay()) return false;
        const Poco::Timespan wait = std::min(left, slice);
        if (socket().poll(wait, Poco::Net::Socket::SELECT_READ)) return true;
        left -= wait;
    }
    return false;
}

}  // namespace qujat::http
