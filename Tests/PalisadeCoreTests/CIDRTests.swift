import Testing

@testable import PalisadeCore

@Suite("CIDR parsing")
struct CIDRTests {
    @Test(
        "accepted networks",
        arguments: [
            ("0.0.0.0/0", false, 0), ("10.0.0.0/8", false, 8), (" 192.168.1.7 ", false, 32),
            ("010.1.2.3/032", false, 32), ("::/0", true, 0), ("::0/0", true, 0),
            ("0000:0000::/0", true, 0), ("2001:db8::/32", true, 32), ("::1", true, 128),
            ("1:2:3:4:5:6:7:8/64", true, 64), ("::ffff:10.0.0.1/96", true, 96),
            ("1:2:3:4:5:6:1.2.3.4", true, 128), ("::1.2.3.4", true, 128), ("fe80::/10", true, 10),
            ("FE80::ABCD/10", true, 10),
        ])
    func accepted(text: String, isIPv6: Bool, prefixLength: Int) throws {
        let network = try #require(CIDR(text))
        #expect(network.isIPv6 == isIPv6)
        #expect(network.prefixLength == prefixLength)
    }

    @Test(
        "rejected text",
        arguments: [
            "", " ", "/0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0/8",
            "10.0.0.0.0/8", "256.0.0.0/8", "1.2.3.4/5/6", "1..2.3", "a.b.c.d", "0000.0.0.0",
            "::/129", "1::2::3", "1:::2", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8",
            "g::", "1:::1.2.3.4", ":1.2.3.4", "::1.2.3.256", "1:2:3:4:5:6:7:1.2.3.4", "+1::",
        ])
    func rejected(text: String) {
        #expect(CIDR(text) == nil)
    }

    @Test("addresses compare numerically, not as text")
    func numericValues() throws {
        #expect(CIDR("::ffff:10.0.0.1") == CIDR("0:0:0:0:0:ffff:a00:1"))
        #expect(CIDR("2001:DB8::/32") == CIDR("2001:0db8:0000::/32"))
        let network = try #require(CIDR("10.0.0.0/8"))
        #expect(network.contains(try #require(CIDR("10.200.3.4/16"))))
        #expect(!network.contains(try #require(CIDR("11.0.0.0/16"))))
        #expect(!network.contains(try #require(CIDR("::/0"))))
        #expect(try #require(CIDR("::/0")).isWholeInternet)
    }
}
