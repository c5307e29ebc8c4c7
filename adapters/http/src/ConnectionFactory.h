#pragma once

#include <Poco/Net/TCPServerConnectionFactory.h>

#include "ConnectionHub.h"

namespace qujat::http {

// Makes a Connection for each accepted socket the pool hands a thread to.
class ConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    explicit ConnectionFactory(ConnectionHub& hub) : hub_(hub) {}
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

private:
    ConnectionHub& hub_;
};

}  // namespace qujat::http
