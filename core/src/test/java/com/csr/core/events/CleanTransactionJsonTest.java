package com.csr.core.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.csr.core.transactions.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanTransactionJsonTest {

    private static final List<CleanTransaction> EXAMPLES = List.of(
            new CleanTransaction("demo", "f1", "489434#1", new Transaction(1, "489434", "85048",
                    "15CM CHRISTMAS GLASS BALL 20 LIGHTS", 12, 6.95, 83.4, 1_259_836_800L, "13085", "United Kingdom",
                    false)),
            new CleanTransaction("t-2", "f\"2", "C1#3", new Transaction(9_999_999_999L, "C1", "", "é \\ \n \u0001",
                    -1e-7, 0, -1.2345678901234567E10, -5, "c", "", true)),
            new CleanTransaction("demo", null, null, null),
            new CleanTransaction("demo", "f", "i#1", new Transaction(0, null, null, null, Double.MAX_VALUE,
                    Double.MIN_VALUE, 0.1 + 0.2, 0, null, null, false)));

    @Test
    void writesTheBytesTheEventMapperWrites() {
        for (CleanTransaction example : EXAMPLES) {
            assertArrayEquals(EventJson.write(example), CleanTransactionJson.write(example), example.toString());
        }
    }

    @Test
    void readsBackWhatEitherWrote() {
        for (CleanTransaction example : EXAMPLES) {
            assertEquals(example, CleanTransactionJson.read(EventJson.write(example)));
            assertEquals(example, CleanTransactionJson.read(CleanTransactionJson.write(example)));
        }
    }

    @Test
    void readsWhatTheEventMapperReads() {
        String[] forms = {
            // any order, unknown fields of any shape, numbers in strings, missing fields
            "{\"extra\":{\"a\":[1,{\"b\":2}]},\"transaction\":{\"amount\":\"4.5\",\"quantity\":3,\"cancellation\":true,"
                + "\"later\":[null],\"epoch_second\":12,\"customer_id\":\"7\"},\"tenant_id\":\"demo\","
                + "\"transaction_id\":\"x#1\"}",
            "{\"tenant_id\":\"demo\",\"transaction\":null}",
            "{}",
        };
        for (String form : forms) {
            byte[] json = form.getBytes(StandardCharsets.UTF_8);
            assertEquals(EventJson.read(json, CleanTransaction.class), CleanTransactionJson.read(json), form);
        }
    }

    @Test
    void refusesWhatIsNotACleanTransaction() {
        for (String bad : new String[] {"", "[]", "{\"tenant_id\":{\"a\":1}}", "{\"transaction\":{\"amount\":\"x\"}}",
                "{\"transaction\":{\"amount\":[1]}}", "{\"tenant_id\":\"demo\"", "not json"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> CleanTransactionJson.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
