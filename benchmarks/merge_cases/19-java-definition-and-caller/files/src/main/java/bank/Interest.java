package bank;

import java.util.List;

public final class Interest {
    private Interest() {}

    /** Monthly interest in cents for a balance in cents and a yearly rate in basis points. */
    static long monthlyInterest(long balanceCents, int rateBps) {
        return balanceCents * (rateBps / 10000) / 12;
    }

    static long applyAll(List<long[]> accounts, int rateBps) {
        long paid = 0;
        for (long[] acc : accounts) {
            if (acc[0] < 0) {
                continue;
            }
            long interest = monthlyInterest(acc[0], rateBps);
            acc[0] += interest;
            paid += interest;
        }
        return paid;
    }

    static String summary(List<long[]> accounts, int rateBps) {
        long paid = applyAll(accounts, rateBps);
        return "paid " + paid / 100 + "." + paid % 100 + " EUR";
    }
}
