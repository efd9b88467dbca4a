package org.fondicasa.platform.web;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * A query or path parameter that cannot be read is a 400 naming the parameter and what it should look like, not the
 * 404 Jakarta REST gives by default ("HTTP 404 Not Found" for {@code ?after=abc}).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "a UUID", UUID::fromString);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, "an ISO-8601 instant (2026-01-31T10:00:00Z)", Instant::parse);
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(name, "an ISO-8601 date-time with offset", OffsetDateTime::parse);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "a date (YYYY-MM-DD)", LocalDate::parse);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Long::valueOf);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Integer::valueOf);
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, "one of " + Arrays.toString(type.getEnumConstants()),
                    s -> Enum.valueOf(type, s));
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof org.jboss.resteasy.reactive.RestQuery q) {
                return q.value().isEmpty() ? null : q.value();
            }
            if (a instanceof org.jboss.resteasy.reactive.RestPath p) {
                return p.value().isEmpty() ? null : p.value();
            }
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (RuntimeException e) {
                    throw new InvalidParameterException(name, "expected " + expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** A WebApplicationException so that Jakarta REST passes it on as it is instead of turning it into a 404. */
    public static final class InvalidParameterException extends jakarta.ws.rs.WebApplicationException {
        private final String parameter;

        InvalidParameterException(String parameter, String message) {
            super(message, 400);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }
}
