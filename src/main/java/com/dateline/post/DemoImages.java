package com.dateline.post;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws the demo posts' pictures, so the quick start needs no photo files. They are plain
 * illustrations, and the demo posts' alt texts say so.
 */
final class DemoImages {

    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    enum Motif {
        PRESS_BRIEFING,
        SKYLINE,
        TRAFFIC,
        CITY_WALLS,
        BOOKS
    }

    private DemoImages() {}

    static byte[] draw(Motif motif, Color sky, Color ground, long seed) {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, sky.brighter(), 0, HEIGHT, sky.darker()));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            var random = new Random(seed);
            switch (motif) {
                case PRESS_BRIEFING -> pressBriefing(g, ground);
                case SKYLINE -> skyline(g, ground, random);
                case TRAFFIC -> traffic(g, ground, random);
                case CITY_WALLS -> cityWalls(g, ground);
                case BOOKS -> books(g, ground, random);
            }
        } finally {
            g.dispose();
        }
        return PhotoProcessor.encodeJpeg(image);
    }

    private static void pressBriefing(Graphics2D g, Color wood) {
        g.setColor(new Color(255, 255, 255, 40));
        for (int x = 0; x < WIDTH; x += 150) {
            g.fillRect(x, 0, 70, HEIGHT);
        }
        g.setColor(wood);
        g.fill(new Path2D.Double() {
            {
                moveTo(430, 430);
                lineTo(770, 430);
                lineTo(720, 800);
                lineTo(480, 800);
                closePath();
            }
        });
        g.setColor(wood.brighter());
        g.fill(new Ellipse2D.Double(560, 520, 80, 80));
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        var colours =
                new Color[] {Color.DARK_GRAY, new Color(180, 30, 30), Color.BLACK, new Color(30, 60, 160), Color.GRAY};
        for (int i = 0; i < colours.length; i++) {
            int baseX = 480 + i * 60;
            g.setColor(colours[i]);
            g.drawLine(baseX, 430, 600 + (i - 2) * 12, 330);
            g.fill(new RoundRectangle2D.Double(600 + (i - 2) * 12 - 14, 300, 28, 44, 14, 14));
        }
    }

    private static void skyline(Graphics2D g, Color buildings, Random random) {
        g.setColor(new Color(255, 230, 160));
        g.fill(new Ellipse2D.Double(820, 140, 160, 160));
        g.setColor(buildings);
        int x = 0;
        while (x < WIDTH) {
            int w = 60 + random.nextInt(90);
            int h = 180 + random.nextInt(320);
            g.fillRect(x, HEIGHT - h, w, h);
            x += w + 6;
        }
        g.setColor(new Color(255, 240, 200, 150));
        for (int i = 0; i < 140; i++) {
            g.fillRect(random.nextInt(WIDTH), HEIGHT - 40 - random.nextInt(300), 8, 12);
        }
    }

    private static void traffic(Graphics2D g, Color road, Random random) {
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 300, WIDTH, 150);
        g.setColor(road);
        g.fill(new Path2D.Double() {
            {
                moveTo(0, 800);
                lineTo(520, 430);
                lineTo(680, 430);
                lineTo(1200, 800);
                closePath();
            }
        });
        for (int i = 0; i < 28; i++) {
            double depth = random.nextDouble();
            double y = 440 + depth * 340;
            double w = 40 + depth * 140;
            double x = 600 + (random.nextDouble() - 0.5) * (120 + depth * 900) - w / 2;
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.8f));
            g.fill(new RoundRectangle2D.Double(x, y - w * 0.5, w, w * 0.5, 12, 12));
            g.setColor(new Color(255, 60, 40));
            g.fillRect((int) x + 4, (int) (y - w * 0.25), (int) (w * 0.12), (int) (w * 0.08));
            g.fillRect((int) (x + w * 0.84), (int) (y - w * 0.25), (int) (w * 0.12), (int) (w * 0.08));
        }
    }

    private static void cityWalls(Graphics2D g, Color stone) {
        g.setColor(new Color(240, 220, 140));
        g.fill(new Ellipse2D.Double(180, 120, 120, 120));
        g.setColor(stone);
        g.fillRect(0, 420, WIDTH, 380);
        for (int x = 0; x < WIDTH; x += 80) {
            g.fillRect(x, 380, 50, 40);
        }
        g.setColor(stone.darker());
        g.fill(new Path2D.Double() {
            {
                moveTo(500, 800);
                lineTo(500, 580);
                quadTo(600, 470, 700, 580);
                lineTo(700, 800);
                closePath();
            }
        });
        g.setColor(stone.darker().darker());
        for (int y = 450; y < HEIGHT; y += 50) {
            g.drawLine(0, y, WIDTH, y);
        }
    }

    private static void books(Graphics2D g, Color shelf, Random random) {
        g.setColor(shelf);
        for (int row = 0; row < 3; row++) {
            int baseY = 260 + row * 240;
            g.fillRect(0, baseY, WIDTH, 24);
            int x = 20;
            while (x < WIDTH - 40) {
                int w = 26 + random.nextInt(40);
                int h = 120 + random.nextInt(90);
                g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f, 0.45f + random.nextFloat() * 0.4f));
                g.fillRect(x, baseY - h, w, h);
                g.setColor(shelf);
                x += w + 3;
            }
        }
    }
}
