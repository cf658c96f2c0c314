//! `tradeport play --frame-stats N`: once the requested screen shows, renders N frames as fast
//! as it can (no vsync), then prints the frame-time percentiles, the CPU time used and the time
//! from launch to the first frame of the screen, and exits. A benchmark, not a test.

use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::launch::{LaunchRequest, LaunchStage};

/// The measurement under way.
#[derive(Resource, Debug)]
pub struct FrameStatsPlan {
    /// Frames to measure after the screen first shows.
    pub frames: u32,
    /// When the game was launched (taken before the app was built).
    pub launched: Instant,
    first_frame: Option<Duration>,
    last_frame: Option<Instant>,
    cpu_at_first_frame: Option<Duration>,
    samples: Vec<Duration>,
}

impl FrameStatsPlan {
    pub fn new(frames: u32, launched: Instant) -> Self {
        Self {
            frames: frames.max(1),
            launched,
            first_frame: None,
            last_frame: None,
            cpu_at_first_frame: None,
            samples: Vec::with_capacity(frames.max(1) as usize),
        }
    }
}

/// Frame-time percentiles of `samples` (any order): p50, p95, p99, nearest rank.
pub fn percentiles(samples: &[Duration]) -> Option<[Duration; 3]> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = |p: usize| sorted[((sorted.len() * p).div_ceil(100)).clamp(1, sorted.len()) - 1];
    Some([rank(50), rank(95), rank(99)])
}

/// The lines `--frame-stats` prints.
pub fn report(samples: &[Duration], cpu: Option<Duration>, first_frame: Duration) -> String {
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    let mut out = String::new();
    if let Some([p50, p95, p99]) = percentiles(samples) {
        out.push_str(&format!("frames {}\n", samples.len()));
        out.push_str(&format!("p50 {}\np95 {}\np99 {}\n", ms(p50), ms(p95), ms(p99)));
    }
    match cpu {
        Some(cpu) => out.push_str(&format!("cpu {:.2} s over the measured frames\n", cpu.as_secs_f64())),
        None => out.push_str("cpu not measured on this platform\n"),
    }
    out.push_str(&format!("first frame {} after launch\n", ms(first_frame)));
    out
}

/// CPU time (user + system, all threads) this process has used so far, from /proc/self/stat
/// (Linux; clock ticks of 1/100 s, the fixed USER_HZ of its ABI). `None` elsewhere.
fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15, i.e. 11th and 12th after the name.
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, measure_frames.run_if(resource_exists::<FrameStatsPlan>));
}

/// Times every frame once the launch has reached its screen; prints and exits after N.
fn measure_frames(
    mut plan: ResMut<FrameStatsPlan>,
    request: Option<Res<LaunchRequest>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
    mut exit: MessageWriter<AppExit>,
) {
    // Keep frames coming whatever the update mode.
    redraw.write(bevy::window::RequestRedraw);
    if request.is_some_and(|r| r.stage != LaunchStage::Done) {
        return;
    }
    let now = Instant::now();
    if plan.first_frame.is_none() {
        plan.first_frame = Some(now - plan.launched);
        plan.cpu_at_first_frame = process_cpu_time();
    } else if let Some(last) = plan.last_frame {
        plan.samples.push(now - last);
    }
    plan.last_frame = Some(now);
    if plan.samples.len() >= plan.frames as usize {
        let cpu = process_cpu_time()
            .zip(plan.cpu_at_first_frame)
            .map(|(now, then)| now.saturating_sub(then));
        print!("{}", report(&plan.samples, cpu, plan.first_frame.unwrap_or_default()));
        exit.write(AppExit::Success);
    }
}
