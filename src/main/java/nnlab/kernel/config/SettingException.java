package nnlab.kernel.config;

/** A single setting's value is not allowed; the message names the setting and its range. */
public class SettingException extends IllegalArgumentException {
    private final String key;

    public SettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
