package org.cinema.billing.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mail to the viewer (Jakarta Mail over SMTP): the event in the viewer's language ({@link
 * MailTemplates}), as plain text and HTML (multipart/alternative). Configured by {@code SMTP_HOST}
 * (localhost), {@code SMTP_PORT} (25), {@code SMTP_USERNAME} and {@code SMTP_PASSWORD} (log in when
 * set), {@code SMTP_STARTTLS} (false; true requires it), {@code SMTP_TIMEOUT_SECONDS} (10, to
 * connect and for each read and write) and {@code MAIL_FROM}.
 */
@ApplicationScoped
public class EmailChannel implements NotificationChannel {

  public static final String NAME = "email";

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  @Inject
  @ConfigProperty(name = "smtp.host", defaultValue = "localhost")
  private String host;

  @Inject
  @ConfigProperty(name = "smtp.port", defaultValue = "25")
  private int port;

  @Inject
  @ConfigProperty(name = "smtp.username")
  private Optional<String> username;

  @Inject
  @ConfigProperty(name = "smtp.password")
  private Optional<String> password;

  @Inject
  @ConfigProperty(name = "smtp.starttls", defaultValue = "false")
  private boolean starttls;

  @Inject
  @ConfigProperty(name = "smtp.timeout-seconds", defaultValue = "10")
  private int timeoutSeconds;

  @Inject
  @ConfigProperty(name = "mail.from", defaultValue = "Cinema billing <billing@localhost>")
  private String from;

  @Inject private ProductNames products;

  @Inject private Clock clock;

  private final MailTemplates templates = new MailTemplates();

  private volatile Session session;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String send(Outgoing message) throws ChannelFailure {
    Outgoing.Viewer viewer =
        message
            .viewer()
            .filter(v -> v.email() != null && !v.email().isBlank())
            .orElseThrow(() -> new ChannelFailure("no e-mail address"));
    MailTemplates.Mail mail =
        templates.render(
            message.type(),
            viewer.language(),
            Optional.ofNullable(viewer.name()),
            products.of(message.data()).orElse(""),
            message.data());
    try {
      MimeMessage email = new MimeMessage(session());
      email.setFrom(sender());
      email.setRecipient(Message.RecipientType.TO, recipient(viewer));
      email.setSubject(mail.subject(), UTF_8);
      email.setSentDate(Date.from(clock.instant()));
      // Lets a mail client (or a support agent) tell a repeated delivery of one event.
      email.setHeader("X-Cinema-Event-Id", message.eventId().toString());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), UTF_8, "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), UTF_8, "html");
      email.setContent(new MimeMultipart("alternative", text, html));
      if (username.filter(u -> !u.isBlank()).isPresent()) {
        Transport.send(email, username.get(), password.orElse(""));
      } else {
        Transport.send(email);
      }
    } catch (MessagingException e) {
      throw new ChannelFailure("SMTP server " + host + ":" + port + ": " + describe(e), e);
    }
    return mail.subject();
  }

  private InternetAddress sender() throws ChannelFailure {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new ChannelFailure("MAIL_FROM is not an e-mail address: " + from);
    }
  }

  private static InternetAddress recipient(Outgoing.Viewer viewer) throws ChannelFailure {
    try {
      InternetAddress to = new InternetAddress(viewer.email(), true);
      if (viewer.name() != null && !viewer.name().isBlank()) {
        to.setPersonal(viewer.name().strip(), UTF_8);
      }
      return to;
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new ChannelFailure("not an e-mail address: " + viewer.email());
    }
  }

  /** One session for every send: SMTP settings do not change while the server runs. */
  private Session session() {
    Session current = session;
    if (current == null) {
      String millis = String.valueOf(timeoutSeconds * 1000L);
      Properties settings = new Properties();
      settings.put("mail.transport.protocol", "smtp");
      settings.put("mail.smtp.host", host);
      settings.put("mail.smtp.port", String.valueOf(port));
      settings.put("mail.smtp.connectiontimeout", millis);
      settings.put("mail.smtp.timeout", millis);
      settings.put("mail.smtp.writetimeout", millis);
      settings.put(
          "mail.smtp.auth", String.valueOf(username.filter(u -> !u.isBlank()).isPresent()));
      settings.put("mail.smtp.starttls.enable", String.valueOf(starttls));
      settings.put("mail.smtp.starttls.required", String.valueOf(starttls));
      current = Session.getInstance(settings);
      session = current;
    }
    return current;
  }

  /** The failure and what caused it ("Couldn't connect to host ...: Connection refused"). */
  private static String describe(MessagingException e) {
    Throwable cause = e.getCause();
    return cause == null || cause.getMessage() == null
        ? e.getMessage()
        : e.getMessage() + ": " + cause.getMessage();
  }
}
