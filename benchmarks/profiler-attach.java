import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM: {@code java profiler-attach.java PID LIBRARY OPTIONS}.
 * check-rights.sh uses it to start and stop async-profiler (whose Maven Central jar carries the
 * library but not its command-line launcher) in the benchmarked server.
 */
public class ProfilerAttach {
  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
