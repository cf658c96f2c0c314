//! The short join code the host shows: its IPv4 address and port in ten letters and digits
//! (Crockford's base 32: no I, L, O or U to misread), e.g. `60N00-HE4W8`. A student types the
//! code or the address; the code is only the address written shorter, so it works on any LAN
//! without a server, accounts or the internet.

use std::net::{Ipv4Addr, SocketAddrV4};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The code of `address`.
pub fn encode(address: SocketAddrV4) -> String {
    let mut n: u64 = u64::from(u32::from(*address.ip())) << 16 | u64::from(address.port());
    let mut letters = [b'0'; 10];
    for slot in letters.iter_mut().rev() {
        *slot = ALPHABET[(n & 31) as usize];
        n >>= 5;
    }
    let text = String::from_utf8_lossy(&letters).to_string();
    format!("{}-{}", &text[..5], &text[5..])
}

/// The address in a code, read leniently (any case, dashes and spaces ignored, O read as 0 and
/// I or L as 1); `None` when it is not a code.
pub fn decode(code: &str) -> Option<SocketAddrV4> {
    let mut n: u64 = 0;
    let mut count = 0;
    for c in code.chars().filter(|c| !matches!(c, '-' | ' ')) {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let value = ALPHABET.iter().position(|a| char::from(*a) == c)?;
        n = n.checked_mul(32)? | value as u64;
        count += 1;
    }
    if count != 10 || n >> 48 != 0 {
        return None;
    }
    let ip = Ipv4Addr::from(u32::try_from(n >> 16).ok()?);
    Some(SocketAddrV4::new(ip, (n & 0xffff) as u16))
}

/// A class to join: a join code or an `IP:PORT` address.
pub fn parse_target(text: &str) -> Option<SocketAddrV4> {
    text.trim().parse::<SocketAddrV4>().ok().or_else(|| decode(text))
}
