#include "Connection.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include <chrono>
#include <memory>
#include <string>

#include "Api.h"
#include "ServerSession.h"

namespace qujat::http {

namespace {

// Poco reports every header problem as a MessageException; its text says which.
Problem headerProblem(const Poco::Net::MessageException& e) {
    const std::string text = e.message();
    // Poco does not tell a missing target from one over its 16 KiB limit; 400 fits both.
    if (text.find("URI") != std::string::npos)
        return problem(400, "malformed-request", "the request target is missing, malformed or longer than 16 KiB");
    if (text.find("Too many header fields") != std::string::npos || text.find("too long") != std::string::npos)
        return problem(431, "headers-too-large", "a request header is too long or there are too many of them");
    return problem(400, "malformed-request", "the request could not be parsed as HTTP/1.1: " + text);
}

bool isTimeout(const Poco::Exception& e, const Poco::Net::HTTPSession& session) {
    if (dynamic_cast<const Poco::TimeoutException*>(&e)) return true;
    const Poco::Exception* network = session.networkException();
    return network && dynamic_cast<const Poco::TimeoutException*>(network);
}

}  // namespace

Connection::Connection(const Poco::Net::StreamSocket& socket, ConnectionHub& hub)
    : Poco::Net::TCPServerConnection(socket), hub_(hub) {}

void Connection::abort() {
    try {
        socket().shutdown();
    } catch (const Poco::Exception&) {
    }
}

void Connection::lingeringClose() {
    // The client may still be sending the body we refused; read and drop it for a moment
    // so that its TCP stack does not turn our answer into a connection reset.
    try {
        socket().shutdownSend();
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        std::size_t drained = 0;
        char buffer[16384];
        while (std::chrono::steady_clock::now() < until && drained < hub_.limits().uploadBytes * 2) {
            if (!socket().poll(Poco::Timespan(0, 200000), Poco::Net::Socket::SELECT_READ)) continue;
            const int n = socket().receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            drained += static_cast<std::size_t>(n);
        }
    } catch (const Poco::Exception&) {
    }
}

void Connection::run() {
    hub_.add(this);
    std::string remote;
    try {
        remote = socket().peerAddress().host().toString();
    } catch (const Poco::Exception&) {
    }
    try {
        ServerSession session(socket(), hub_.params());
        const auto& limits = hub_.limits();
        int served = 0;
        bool first = true;
        while (session.awaitRequest(first, [&] { return hub_.stopping() || (!first && hub_.othersWaiting()); })) {
            first = false;
            enum class Next { kRequest, kLinger, kClose } next = Next::kRequest;
            {
                Poco::Net::HTTPServerResponseImpl response(session);
                std::unique_ptr<Poco::Net::HTTPServerRequestImpl> request;
                try {
                    request = std::make_unique<Poco::Net::HTTPServerRequestImpl>(response, session, hub_.params().get());
                } catch (const Poco::Net::NoMessageException&) {
                    break;  // the client closed the connection between requests
                } catch (const Poco::Net::MessageException& e) {
                    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
                    hub_.api().refuse(response, headerProblem(e), remote);
                    next = Next::kLinger;
                } catch (const Poco::Exception& e) {
                    if (isTimeout(e, session)) {
                        response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
                        hub_.api().refuse(response,
                                          problem(408, "request-timeout",
                                                  "the request headers did not arrive within " +
                                                      std::to_string(limits.readTimeoutSeconds) + " seconds"),
                                          remote);
                    }
                    next = Next::kClose;
                }
                if (request) {
                    ++served;
                    response.setDate(Poco::Timestamp());
                    response.setVersion(request->getVersion());
                    response.setKeepAlive(hub_.params()->getKeepAlive() && request->getKeepAlive() &&
                                          session.canKeepAlive() && served < limits.maxKeepAliveRequests &&
                                          !hub_.stopping() && !hub_.othersWaiting());
                    hub_.api().serve(*request, response, hub_.overloaded());
                    if (!response.getKeepAlive()) next = Next::kLinger;
                }
            }  // the response is complete and flushed here
            if (next == Next::kLinger) {
                session.setKeepAlive(false);
                lingeringClose();
            }
            if (next != Next::kRequest) break;
        }
    } catch (const Poco::Exception&) {
        // The client went away or the socket failed; nothing is left to answer.
    } catch (const std::exception&) {
    }
    hub_.remove(this);
}

}  // namespace qujat::http
