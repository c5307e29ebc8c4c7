#pragma once

#include <Poco/Net/TCPServerConnection.h>

#include "ConnectionHub.h"

namespace qujat::http {

// One client connection: reads requests one after another (HTTP/1.1 keep-alive) and has
// the Api answer each. Unlike Poco's own HTTPServerConnection it answers what cannot be
// parsed with the right status (431 headers too large, 408 too slow, 400 malformed) and
// the security headers, sheds load with 503, gives its thread up when idle while others
// wait, and drains an unread request body briefly before closing, so that the client
// reads the answer instead of a connection reset.
class Connection : public Poco::Net::TCPServerConnection {
public:
    Connection(const Poco::Net::StreamSocket& socket, ConnectionHub& hub);

    void run() override;
    // Shuts the socket down from another thread (the drain time of a stop has passed).
    void abort();

private:
    void lingeringClose();

    ConnectionHub& hub_;
};

}  // namespace qujat::http
