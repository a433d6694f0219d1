package com.csr.gateway.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a tenant's webhook may reach: the public internet only. Refused are the special-purpose ranges of
 * the IANA registries (RFC 6890 and its successors): this host, private networks, carrier-grade NAT, link-local
 * (cloud metadata at 169.254.169.254 and fd00:ec2::254), benchmarking, documentation, multicast, reserved; in IPv6
 * also unique-local, the NAT64, 6to4 and Teredo ranges and IPv4-compatible forms, each of which can lead back to one
 * of the IPv4 ranges refused.
 */
final class PublicAddresses {

    /** An address range: an address and how many of its leading bits every address in the range shares. */
    private record Range(byte[] prefix, int bits) {

        static Range of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Range(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address range: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Range> SPECIAL_PURPOSE = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
            "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(Range::of).toList();

    private PublicAddresses() {
    }

    /** True when the address is on the public internet: in none of the special-purpose ranges. */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        return SPECIAL_PURPOSE.stream().noneMatch(range -> range.contains(bytes));
    }
}
