import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * Test oracle, run by time-arithmetic.java.test.ts as `java DurationOracle.java` (no build step).
 * Each input line is `<epochMillis> <zone> <duration>`; each output line is the epoch millis that
 * Camunda 7's DurationHelper computes: `duration.addTo(new GregorianCalendar())` in that zone, with
 * Camunda's special case for `P<n>W` (weeks as milliseconds, DurationHelper.parsePnWDuration), or
 * `ERROR` when Java rejects the duration.
 */
public class DurationOracle {
  public static void main(String[] args) throws Exception {
    DatatypeFactory factory = DatatypeFactory.newInstance();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    StringBuilder out = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] parts = line.trim().split(" ");
      try {
        Duration duration = parts[2].matches("P\\d+W")
            ? factory.newDuration(Long.parseLong(parts[2].replaceAll("\\D", "")) * 7 * 24 * 60 * 60 * 1000)
            : factory.newDuration(parts[2]);
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(parts[1]));
        calendar.setTimeInMillis(Long.parseLong(parts[0]));
        duration.addTo(calendar);
        out.append(calendar.getTimeInMillis()).append('\n');
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        out.append("ERROR\n");
      }
    }
    System.out.print(out);
  }
}
