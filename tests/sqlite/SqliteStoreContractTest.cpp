// The shared store contract, run against SQLite with and without group commit.
#include <catch2/catch.hpp>

#include "SqliteTestSupport.h"

using namespace qujat::test;

TEMPLATE_TEST_CASE("sqlite store keeps the directory contract", "[sqlite][contract]", PlainCommit, GroupCommit) {
    TempDir dir;
    checkDirectoryContract(sqliteStoreFactory<TestType>(dir));
}

TEMPLATE_TEST_CASE("sqlite store keeps the workflow contract", "[sqlite][contract]", PlainCommit, GroupCommit) {
    TempDir dir;
    checkWorkflowContract(sqliteStoreFactory<TestType>(dir));
}

TEMPLATE_TEST_CASE("sqlite store keeps the document contract", "[sqlite][contract]", PlainCommit, GroupCommit) {
    TempDir dir;
    checkDocumentContract(sqliteStoreFactory<TestType>(dir));
}

TEMPLATE_TEST_CASE("sqlite store keeps the task and inbox contract", "[sqlite][contract]", PlainCommit, GroupCommit) {
    TempDir dir;
    checkTaskContract(sqliteStoreFactory<TestType>(dir));
}

TEMPLATE_TEST_CASE("sqlite store keeps the counter contract", "[sqlite][contract]", PlainCommit, GroupCommit) {
    TempDir dir;
    checkCounterContract(sqliteStoreFactory<TestType>(dir));
}

TEMPLATE_TEST_CASE("sqlite store keeps the audit contract", "[sqlite][contract]", PlainCommit, GroupCommit) {
    TempDir dir;
    checkAuditContract(sqliteStoreFactory<TestType>(dir));
}

TEMPLATE_TEST_CASE("sqlite store keeps the transaction contract", "[sqlite][contract]", PlainCommit, GroupCommit) {
    TempDir dir;
    checkTransactionContract(sqliteStoreFactory<TestType>(dir));
}

TEMPLATE_TEST_CASE("sqlite store keeps the signature contract", "[sqlite][contract]", PlainCommit, GroupCommit) {
    TempDir dir;
    checkSignatureContract(sqliteStoreFactory<TestType>(dir));
}
