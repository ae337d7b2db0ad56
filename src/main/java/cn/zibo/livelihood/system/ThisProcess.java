package cn.zibo.livelihood.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This operating-system process as the other processes of the pipeline see it: by a token recorded
 * with every job run it starts and with its heartbeat, and, from the same machine, by its pid.
 * <p>
 * A pid alone names a process only for a while and only in one place: pids are reused, and every
 * container has its own pid 1. So the token adds the host name and the start time, and a pid is
 * looked up only for a process on this machine in this pid namespace (same host name and same
 * {@code /proc/self/ns/pid}; where there are no namespaces, the host name alone). A process anywhere
 * else can only be judged by its heartbeat.
 *
 * @param host host name
 * @param pidNamespace the pid namespace ({@code pid:[4026531836]} on Linux), empty where there is none
 * @param pid process id
 * @param startedMillis when the process started, epoch milliseconds
 */
public record ThisProcess(String host, String pidNamespace, long pid, long startedMillis) {

	private static final ThisProcess CURRENT = find();

	public static ThisProcess current() {
		return CURRENT;
	}

	/** {@code host:pid:startedMillis}: distinct for every process there has been. */
	public String token() {
		return host + ":" + pid + ":" + startedMillis;
	}

	/** Whether a process recorded with this host and pid namespace has its pid in this process's view. */
	public boolean seesPidsOf(String otherHost, String otherPidNamespace) {
		return host.equals(otherHost) && pidNamespace.equals(otherPidNamespace);
	}

	/** Whether a process with this pid runs here now (see {@link #seesPidsOf} before asking). */
	public static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static ThisProcess find() {
		ProcessHandle self = ProcessHandle.current();
		long started = self.info().startInstant().map(java.time.Instant::toEpochMilli).orElseGet(System::currentTimeMillis);
		return new ThisProcess(hostName(), readPidNamespace(), self.pid(), started);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	private static String readPidNamespace() {
		try {
			return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
		}
		catch (IOException | UnsupportedOperationException | SecurityException none) {
			return "";
		}
	}

}
