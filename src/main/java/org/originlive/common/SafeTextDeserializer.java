package org.originlive.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/** Every JSON string the API reads passes {@link SafeText}; {@link MultiLine} fields may hold newlines. */
final class SafeTextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private final boolean multiLine;

    SafeTextDeserializer(boolean multiLine) {
        super(String.class);
        this.multiLine = multiLine;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        String problem = text == null ? null : SafeText.problem(text, multiLine);
        if (problem != null) {
            throw new UnsafeTextException(parser, problem);
        }
        return text;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean wanted = property != null && property.getAnnotation(MultiLine.class) != null;
        return wanted == multiLine ? this : new SafeTextDeserializer(wanted);
    }
}
