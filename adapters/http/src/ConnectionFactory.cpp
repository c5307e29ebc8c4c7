#include "ConnectionFactory.h"

#include "Connection.h"

namespace qujat::http {

Poco::Net::TCPServerConnection* ConnectionFactory::createConnection(const Poco::Net::StreamSocket& socket) {
    return new Connection(socket, hub_);
}

}  // namespace qujat::http
