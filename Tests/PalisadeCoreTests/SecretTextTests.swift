import Testing

import TextDecoding

@testable import PalisadeCore

/// Secret assignments in scripts (AWS-SEC-002) and the base64 decoding of encoded user data.
@Suite("Secrets in text")
struct SecretTextTests {
    @Test(
        "secret-like assignments with literal values",
        arguments: [
            ("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG", "AWS_SECRET_ACCESS_KEY"),
            ("#!/bin/sh\nDB_PASSWORD='hunter2' ./run", "DB_PASSWORD"),
            ("db:\n  password: hunter2\n", "password"),
            (#"{"api_key": "abc123"}"#, "api_key"),
            ("set -e\nGITHUB_TOKEN = ghp_x\n", "GITHUB_TOKEN"),
        ])
    func found(text: String, name: String) {
        #expect(SecretPatterns.secretAssignment(in: text) == name)
    }

    @Test(
        "not secret assignments",
        arguments: [
            "export DB_PASSWORD=$DB_PASSWORD", "DB_PASSWORD=\"${PASSWORD}\"", "password: {{ vault }}",
            "token: <token>", "PASSWORD=", "PASSWORD=\"\"", "if [ \"$PASSWORD\" == x ]; then",
            "test $TOKEN != y",
            "DB_PASSWORD_FILE=/run/secrets/db", "SECRET_ARN=arn:aws:secretsmanager:x", "credentials: {",
            "curl https://example.com/install.sh | sh", "LOG_LEVEL=debug", "",
        ])
    func absent(text: String) {
        #expect(SecretPatterns.secretAssignment(in: text) == nil)
    }

    @Test(
        "base64 decoding",
        arguments: [
            ("", ""), ("Zg==", "f"), ("Zm8=", "fo"), ("Zm9v", "foo"), ("Zm9vYmFy", "foobar"),
            ("Zm9v\nYmFy", "foobar"), ("ZXhwb3J0IEE9MQ==", "export A=1"),
        ])
    func decodes(encoded: String, text: String) {
        #expect(Base64.decodedText(encoded) == text)
    }

    @Test(
        "invalid base64 is rejected, not half-decoded",
        arguments: ["Zg", "Zg=", "Zm9v!", "Z===", "Zh==", "=Zm9"])
    func rejects(encoded: String) {
        #expect(Base64.decodedText(encoded) == nil)
    }

    @Test(
        "a name that says where a secret is, or what it is about, is no secret name",
        arguments: [
            ("DB_PASSWORD", true), ("apiKey", true), ("DB_PASSWORD_PARAMETER", false),
            ("API_KEY_PARAM", false),
            ("jwtSecretParameter", false), ("DB_PASSWORD_ARN", false), ("TOKEN_TTL", false),
        ])
    func secretNames(name: String, expected: Bool) {
        #expect(SecretPatterns.isSecretName(name) == expected)
    }

    @Test("bytes that are not UTF-8 are not text")
    func binary() {
        #expect(Base64.decoded("/w==") == [0xFF])
        #expect(Base64.decodedText("/w==") == nil)
    }
}
