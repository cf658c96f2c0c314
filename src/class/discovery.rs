//! Finding a class on the local network without typing its code: a student's PC broadcasts
//! one short question on UDP port [`DISCOVERY_PORT`], and every host on the network answers
//! with its version, its class's port and title. Plain `std::net`, no Bevy; every datagram is
//! bounded and checked, and what a host says is shown escaped. Where broadcast does not get
//! through (some lab networks block it) the join code and the address always work.

use std::io::ErrorKind;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};

/// The UDP port hosts listen on for the question (the class itself runs on its own port).
pub const DISCOVERY_PORT: u16 = 47_474;
/// The question, exactly.
pub const QUESTION: &[u8] = b"TRADEPORT-DISCOVER 1";
/// The first line of an answer.
const ANSWER_HEAD: &str = "TRADEPORT-CLASS 1";
/// Longest datagram either side reads or sends.
pub const MAX_DATAGRAM: usize = 512;
/// Most questions a host answers per call, and most classes a PC lists.
pub const MAX_PER_POLL: usize = 64;

/// What a host says of its class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    pub version: String,
    /// The class's own port (the netcode socket's).
    pub port: u16,
    pub title: String,
}

impl Announcement {
    fn to_datagram(&self) -> Vec<u8> {
        let mut text = format!(
            "{ANSWER_HEAD}\n{}\n{}\n{}",
            crate::escape::printable(&self.version, 20),
            self.port,
            crate::escape::printable(&self.title, 120)
        );
        while text.len() > MAX_DATAGRAM {
            text.pop();
        }
        text.into_bytes()
    }

    /// Reads an answer; `None` for anything that is not one (any other datagram, too long,
    /// a bad port).
    fn parse(datagram: &[u8]) -> Option<Self> {
        if datagram.len() > MAX_DATAGRAM {
            return None;
        }
        let text = std::str::from_utf8(datagram).ok()?;
        let mut lines = text.splitn(4, '\n');
        if lines.next()? != ANSWER_HEAD {
            return None;
        }
        let version = crate::escape::printable(lines.next()?, 20);
        let port: u16 = lines.next()?.trim().parse().ok().filter(|p| *p != 0)?;
        let title = crate::escape::printable(lines.next().unwrap_or_default(), 120);
        Some(Self { version, port, title })
    }
}

/// A class found on the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundClass {
    /// Where to join: the answering host's address and the class's port.
    pub address: SocketAddrV4,
    /// The join code of that address.
    pub code: String,
    pub version: String,
    pub title: String,
}

/// The host's side: answers the question on its socket, never blocking.
#[derive(Debug)]
pub struct Responder {
    socket: UdpSocket,
    answer: Vec<u8>,
}

impl Responder {
    /// Listens on `bind` (normally `0.0.0.0:DISCOVERY_PORT`).
    ///
    /// # Errors
    /// When the port is taken (another host on this PC) or cannot be opened.
    pub fn open(bind: SocketAddrV4, announcement: &Announcement) -> std::io::Result<Self> {
        let socket = UdpSocket::bind(bind)?;
        socket.set_nonblocking(true)?;
        Ok(Self {
            socket,
            answer: announcement.to_datagram(),
        })
    }

    /// Where it listens.
    ///
    /// # Errors
    /// When the socket has no address.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.socket.local_addr()
    }

    /// Answers the questions waiting (at most [`MAX_PER_POLL`]); anything else is dropped.
    /// Returns how many were answered.
    pub fn answer_waiting(&self) -> usize {
        let mut buffer = [0u8; MAX_DATAGRAM + 1];
        let mut answered = 0;
        for _ in 0..MAX_PER_POLL {
            match self.socket.recv_from(&mut buffer) {
                Ok((n, from)) => {
                    if buffer.get(..n) == Some(QUESTION) && self.socket.send_to(&self.answer, from).is_ok() {
                        answered += 1;
                    }
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                // An ICMP error from an earlier answer, or the like: try the next datagram.
                Err(_) => continue,
            }
        }
        answered
    }
}

/// A PC's search: the question sent, the answers gathered as they come.
#[derive(Debug)]
pub struct Search {
    socket: UdpSocket,
    found: Vec<FoundClass>,
}

impl Search {
    /// Asks every host at `targets` (normally the broadcast address on [`DISCOVERY_PORT`]).
    ///
    /// # Errors
    /// When no socket can be opened or the question cannot be sent anywhere.
    pub fn start(targets: &[SocketAddrV4]) -> std::io::Result<Self> {
        let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))?;
        socket.set_nonblocking(true)?;
        socket.set_broadcast(true)?;
        let mut sent = 0;
        let mut last_error = None;
        for target in targets {
            match socket.send_to(QUESTION, target) {
                Ok(_) => sent += 1,
                Err(e) => last_error = Some(e),
            }
        }
        if sent == 0 {
            return Err(last_error.unwrap_or_else(|| std::io::Error::other("no address to ask")));
        }
        Ok(Self {
            socket,
            found: Vec::new(),
        })
    }

    /// The broadcast address on the discovery port: every host on this network segment.
    pub fn everyone() -> SocketAddrV4 {
        SocketAddrV4::new(Ipv4Addr::BROADCAST, DISCOVERY_PORT)
    }

    /// Reads the answers that arrived (never blocking); returns every class found so far.
    pub fn poll(&mut self) -> &[FoundClass] {
        let mut buffer = [0u8; MAX_DATAGRAM + 1];
        for _ in 0..MAX_PER_POLL {
            match self.socket.recv_from(&mut buffer) {
                Ok((n, SocketAddr::V4(from))) => {
                    let Some(answer) = buffer.get(..n).and_then(Announcement::parse) else {
                        continue;
                    };
                    let address = SocketAddrV4::new(*from.ip(), answer.port);
                    if self.found.len() < MAX_PER_POLL && !self.found.iter().any(|f| f.address == address) {
                        self.found.push(FoundClass {
                            address,
                            code: super::code::encode(address),
                            version: answer.version,
                            title: answer.title,
                        });
                    }
                }
                Ok(_) => continue,
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(_) => continue,
            }
        }
        &self.found
    }

    pub fn found(&self) -> &[FoundClass] {
        &self.found
    }

    /// Where the answers come to.
    ///
    /// # Errors
    /// When the socket has no address.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.socket.local_addr()
    }
}
