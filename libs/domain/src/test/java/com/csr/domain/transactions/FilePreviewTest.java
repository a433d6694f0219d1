package com.csr.domain.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.domain.json.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A column mapping as the original system's JSON document, and the first rows of a file as that mapping reads them. */
class FilePreviewTest {

    private static final String SHOP = """
            OrderNo,When,Client,SKU,Units,Each,Total
            A1,2010-12-01 08:26,17850,85123A,6,2.55,15.30
            A2,2010-12-01 09:01,13047,71053,2,3.39,6.78
            A3,2010-12-02 10:15,,84406B,8,2.75,22.00
            """;

    @TempDir
    Path directory;

    @Test
    void theSeedsJsonMappingReadsAFileWhoseHeaderNoAliasKnows() throws IOException {
        Path file = Files.writeString(directory.resolve("shop.csv"), SHOP);
        ColumnMapping mapping = ColumnMapping.parse("""
                {"customer_id": "Client", "order_id": "OrderNo", "order_datetime": "When", "product_id": "SKU",
                 "quantity": "Units", "unit_price": "Each", "order_total": "Total"}""");

        FilePreview preview = FilePreview.of(file, mapping, 2);

        assertThat(preview.header()).containsExactly("OrderNo", "When", "Client", "SKU", "Units", "Each", "Total");
        assertThat(preview.columns()).containsExactly(Map.entry("customer", "Client"), Map.entry("date", "When"),
                Map.entry("amount", "Total"), Map.entry("quantity", "Units"), Map.entry("price", "Each"),
                Map.entry("invoice", "OrderNo"), Map.entry("product", "SKU"));
        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.rows().get(0)).containsEntry("customer", "17850").containsEntry("date", "2010-12-01 08:26")
                .containsEntry("amount", "15.30").containsEntry("product", "85123A");
        assertThat(FilePreview.of(file, mapping, 100).rows()).as("every row of a short file").hasSize(3)
                .last().extracting(r -> r.get("customer")).isEqualTo("");
    }

    @Test
    void aJsonMappingIsTheSameAsTheShortOneAndItsMistakesAreNamed() throws IOException {
        assertThat(ColumnMapping.parse("{\"customer_id\": \"Client\", \"order_datetime\": 2, \"order_total\": \"Total\"}")
                .columns()).isEqualTo(ColumnMapping.parse("customer=Client,date=2,amount=Total").columns());
        assertThat(ColumnMapping.parse("date=2,customer=Client,stock=SKU").toDocument()).as("the original's names")
                .containsExactly(Map.entry("customer_id", "Client"), Map.entry("order_datetime", "2"),
                        Map.entry("product_id", "SKU"));
        ColumnMapping every = ColumnMapping.parse("customer=a,date=b,amount=c,quantity=d,price=e,invoice=f,product=g,"
                + "description=h,country=i");
        assertThat(ColumnMapping.parse(EventJson.MAPPER.writeValueAsString(every.toDocument())).columns())
                .as("a document reads back as the mapping it came from").isEqualTo(every.columns());
        assertThatThrownBy(() -> ColumnMapping.parse("{\"customer_id\": }"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ColumnMapping.parse("{\"shoe_size\": \"Size\"}"))
                .hasMessageContaining("unknown field 'shoe_size'");
        assertThatThrownBy(() -> ColumnMapping.parse("{\"customer_id\": [\"a\"]}"))
                .hasMessageContaining("'customer_id' must name a column");
        assertThatThrownBy(() -> ColumnMapping.parse("{\"customer_id\": \"A\", \"customer\": \"B\"}"))
                .hasMessageContaining("names 'customer' twice");
        Path file = Files.writeString(directory.resolve("shop.csv"), SHOP);
        assertThatThrownBy(() -> FilePreview.of(file, ColumnMapping.parse("{\"customer_id\": \"Nobody\"}"), 5))
                .isInstanceOf(InvalidTransactionFileException.class).hasMessageContaining("Nobody");
    }
}
