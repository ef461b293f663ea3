import java.nio.file.*;
import java.sql.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

public class Probe {
    public static void main(String[] a) throws Exception {
        String mode = a[0]; int seconds = Integer.parseInt(a[1]); long hkMillis = Long.parseLong(a[2]);
        Path dir = Files.createTempDirectory("probe");
        String url = "jdbc:h2:file:" + dir + "/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" + (a.length > 3 ? a[3] : "");
        Connection hold = DriverManager.getConnection(url, "sa", "");
        hold.createStatement().execute("create table c(id bigint auto_increment primary key, post int, status varchar(10), version int, body varchar(2000))");
        hold.createStatement().execute("create index c_status on c(status, id)");
        MVStore store = ((SessionLocal) ((JdbcConnection) hold).getSession()).getDatabase().getStore().getMvStore();
        AtomicLong inserted = new AtomicLong(), updated = new AtomicLong(), errors = new AtomicLong(), hk = new AtomicLong();
        long end = System.currentTimeMillis() + seconds * 1000L;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 4; t++) pool.submit(() -> { try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false); var ins = c.prepareStatement("insert into c(post,status,version,body) values(?,?,0,?)");
            var r = ThreadLocalRandom.current();
            while (System.currentTimeMillis() < end) { try { ins.setInt(1, r.nextInt(100)); ins.setString(2, "PENDING"); ins.setString(3, "comment ".repeat(10 + r.nextInt(60))); ins.executeUpdate(); c.commit(); inserted.incrementAndGet(); long p = Long.getLong("pause", 0); if (p > 0) Thread.sleep(p); } catch (Throwable e) { if (errors.getAndIncrement() < 3) e.printStackTrace(); try { c.rollback(); } catch (Exception x) {} if (store.isClosed()) return null; } }
        } return null; });
        for (int t = 0; t < 2; t++) pool.submit(() -> { try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false); var sel = c.prepareStatement("select id from c where status='PENDING' order by id limit 20"); var up = c.prepareStatement("update c set status='APPROVED', version=version+1 where id=?");
            while (System.currentTimeMillis() < end) { try { var rs = sel.executeQuery(); while (rs.next()) { up.setLong(1, rs.getLong(1)); up.executeUpdate(); } c.commit(); updated.incrementAndGet(); Thread.sleep(50);} catch (Throwable e) { if (errors.getAndIncrement() < 3) e.printStackTrace(); try { c.rollback(); } catch (Exception x) {} if (store.isClosed()) return null; } }
        } return null; });
        var sched = Executors.newSingleThreadScheduledExecutor();
        if (!mode.equals("none")) sched.scheduleWithFixedDelay(() -> { try {
            if (mode.equals("compactFile")) { if (store.getFileStore().getChunksFillRate() < 50) { int ret = store.getRetentionTime(); store.compactFile(100); store.setRetentionTime(ret); hk.incrementAndGet(); } }
            else if (mode.equals("rewrite")) { int fill = Integer.parseInt(System.getProperty("fill", "50")); int write = Integer.parseInt(System.getProperty("write", "1048576")); for (int r = 0; r < 16 && store.getFileStore().getChunksFillRate() < fill && store.compact(fill, write); r++) { store.commit(); hk.incrementAndGet(); } }
        } catch (Throwable e) { errors.incrementAndGet(); System.out.println("HK FAIL " + e); e.printStackTrace(System.out); } }, hkMillis, hkMillis, TimeUnit.MILLISECONDS);
        Path file = dir.resolve("db.mv.db");
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() < end) { Thread.sleep(Long.getLong("sample", 5000));
            long rows; try (var rs = hold.createStatement().executeQuery("select count(*) from c")) { rs.next(); rows = rs.getLong(1);} catch (Exception e) { rows = -1; }
            System.out.printf("t=%3ds size=%,12d ins=%,8d upd=%,6d rows=%,8d fill=%d chunksFill=%d hk=%d errors=%d closed=%s%n", (System.currentTimeMillis()-start)/1000, Files.size(file), inserted.get(), updated.get(), rows, store.getFileStore().getFillRate(), store.getFileStore().getChunksFillRate(), hk.get(), errors.get(), store.isClosed());
            if (store.isClosed()) break; }
        sched.shutdown(); sched.awaitTermination(10, TimeUnit.SECONDS); pool.shutdown(); pool.awaitTermination(20, TimeUnit.SECONDS);
        System.out.println("RESULT mode=" + mode + " inserted=" + inserted + " errors=" + errors + " size=" + Files.size(file) + " closed=" + store.isClosed());
        if (!store.isClosed()) hold.close();
    }
}
